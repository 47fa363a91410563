package ai.spice.secrets.benchmarks;

/** The three ways to call the API that the benchmarks compare. */
public enum ClientKind {
    /** This SDK: {@code SecretsClient} with its defaults. */
    SDK,
    /** The hand-written floor: one {@code HttpClient.send} and one Jackson {@code readValue} per call. */
    FLOOR,
    /**
     * The floor's code with {@code HttpClient.sendAsync(...).get()} in place of {@code send}: a diagnostic, not a
     * competitor. The SDK is asynchronous inside, so its synchronous calls pay what this pays over the floor.
     */
    FLOOR_ASYNC,
    /**
     * The SDK with its synchronous calls' first request sent by {@code HttpClient.send} on the caller's thread: a
     * prototype of the proposed change, made from outside through {@code httpClient(...)} ({@link SendOnCallerThread}).
     */
    SDK_SEND,
    /** The client openapi-generator ({@code java}, {@code library=native}) makes from the OpenAPI document. */
    PEER
}
