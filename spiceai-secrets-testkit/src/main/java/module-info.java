/**
 * An in-process emulator of the Spice.ai secrets API, for tests, examples and local development.
 *
 * <p>The package {@code ai.spice.secrets.testkit} holds the emulator's API:
 * {@link ai.spice.secrets.testkit.SecretsEmulator} (start, seed, inspect, close),
 * {@link ai.spice.secrets.testkit.Organization} and {@link ai.spice.secrets.testkit.OrgRole} (organizations, their
 * members and their secrets),
 * {@link ai.spice.secrets.testkit.Fault} and {@link ai.spice.secrets.testkit.FaultPlan} (failure injection),
 * {@link ai.spice.secrets.testkit.ClientCredentials} and {@link ai.spice.secrets.testkit.RecordedRequest}
 * (values it hands out), and {@link ai.spice.secrets.testkit.EmulatorMain} (run it standalone).
 * The package {@code ai.spice.secrets.testkit.junit} is the JUnit Jupiter extension:
 * {@link ai.spice.secrets.testkit.junit.SecretsEmulatorTest} and
 * {@link ai.spice.secrets.testkit.junit.SecretsEmulatorExtension}, with the parameter annotations
 * {@link ai.spice.secrets.testkit.junit.AppId} and {@link ai.spice.secrets.testkit.junit.ReadOnly}.
 * The HTTP server, router, store and JSON code live in an internal package exported to nobody.
 *
 * <p>JUnit is optional ({@code requires static}): the emulator runs without it, and only the extension needs it.
 * The extension injects the SDK's {@code SecretsClient} without requiring the SDK's module: it builds the client
 * by reflection on the SDK's exported API, which needs no {@code requires}.
 */
module ai.spice.secrets.testkit {
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    /* optional: only the JUnit extension uses them */
    requires static org.junit.jupiter.api;
    requires static org.junit.platform.commons;

    exports ai.spice.secrets.testkit;
    exports ai.spice.secrets.testkit.junit;
}
