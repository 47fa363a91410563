/**
 * An in-process emulator of the Spice.ai secrets API, for tests, examples and local development.
 *
 * <p>The one exported package, {@code ai.spice.secrets.testkit}, holds the whole public API:
 * {@link ai.spice.secrets.testkit.SecretsEmulator} (start, seed, inspect, close),
 * {@link ai.spice.secrets.testkit.Organization} and {@link ai.spice.secrets.testkit.OrgRole} (organizations, their
 * members and their secrets),
 * {@link ai.spice.secrets.testkit.Fault} and {@link ai.spice.secrets.testkit.FaultPlan} (failure injection),
 * {@link ai.spice.secrets.testkit.ClientCredentials} and {@link ai.spice.secrets.testkit.RecordedRequest}
 * (values it hands out), and {@link ai.spice.secrets.testkit.EmulatorMain} (run it standalone).
 * The HTTP server, router, store and JSON code live in an internal package exported to nobody.
 */
module ai.spice.secrets.testkit {
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports ai.spice.secrets.testkit;
}
