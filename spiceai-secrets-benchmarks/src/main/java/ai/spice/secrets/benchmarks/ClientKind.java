package ai.spice.secrets.benchmarks;

/** The ways to call the API that the benchmarks compare: three competitors and two asynchronous diagnostics. */
public enum ClientKind {
    /** This SDK: {@code SecretsClient} with its defaults. */
    SDK,
    /** The hand-written floor: one {@code HttpClient.send} and one Jackson {@code readValue} per call. */
    FLOOR,
    /**
     * The floor's code with {@code HttpClient.sendAsync(...).get()} in place of {@code send}: a diagnostic, not a
     * competitor. Every asynchronous client on {@code java.net.http} pays what this pays over the floor.
     */
    FLOOR_ASYNC,
    /**
     * The SDK's asynchronous client, each future waited for at once ({@code client.async().get(...).join()}): set
     * beside {@link #FLOOR_ASYNC}, it shows what the SDK adds to a {@code sendAsync}.
     */
    SDK_ASYNC,
    /**
     * The floor's code on an {@code HttpClient} with the SDK's executor ({@code ExchangeExecutor}, which reads each
     * answer on the selector thread): a diagnostic, not a competitor. Set beside the SDK, it shows the SDK's own work
     * per call with the executor's saving, which the floor and the peer do not have, taken out.
     */
    FLOOR_INLINE,
    /** The client openapi-generator ({@code java}, {@code library=native}) makes from the OpenAPI document. */
    PEER
}
