package ai.spice.secrets.benchmarks.server;

/** Which server the clients talk to. */
public enum ServerKind {
    /**
     * The emulator's own responses, recorded once and replayed by a bare JDK {@code HttpServer} that does no work
     * per request: what is left of a call's cost is the client's (and the loopback's).
     */
    CANNED,
    /** The SDK's emulator of the API: bearer-token check, routing, an encrypted store, JSON written per response. */
    EMULATOR
}
