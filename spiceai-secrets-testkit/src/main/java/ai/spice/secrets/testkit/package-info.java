/**
 * An in-process emulator of the Spice.ai secrets API: a real HTTP server on the loopback interface
 * that speaks the same wire protocol as {@code https://api.spice.ai} (secrets under {@code /v1/apps}
 * and {@code /v1/projects}, and the health, apps, projects and organizations routes around them) and
 * as the OAuth 2.0 token endpoint.
 *
 * <pre>{@code
 * try (SecretsEmulator emulator = SecretsEmulator.start()) {
 *     long appId = emulator.createApp("demo");
 *     String token = emulator.issueToken("secrets:read", "secrets:write");
 *     // point a client at emulator.baseUrl() with that token ...
 *     emulator.faults().next(1, "/v1/apps/" + appId + "/secrets", Fault.status(503));
 * }
 * }</pre>
 *
 * <p>Everything in this package is thread-safe unless its Javadoc says otherwise (builders are not).
 */
package ai.spice.secrets.testkit;
