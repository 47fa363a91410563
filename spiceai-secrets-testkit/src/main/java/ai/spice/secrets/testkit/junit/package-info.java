/**
 * A JUnit Jupiter extension that runs tests against a {@link ai.spice.secrets.testkit.SecretsEmulator}, modelled on
 * WireMock's {@code @WireMockTest}: annotate the class with {@link ai.spice.secrets.testkit.junit.SecretsEmulatorTest}
 * and take the emulator, an app of the test's own ({@link ai.spice.secrets.testkit.junit.AppId}) and SDK clients
 * ({@link ai.spice.secrets.testkit.junit.ReadOnly} for a read-only one) as parameters.
 *
 * <pre>{@code
 * @SecretsEmulatorTest(latencyMillis = 20)
 * class ConfigTest {
 *     @Test
 *     void findsTheMissingSecrets(SecretsEmulator emulator, @AppId long appId, @ReadOnly SecretsClient client) {
 *         emulator.storeSecret(appId, "DATABASE_URL", "postgres://db/orders");
 *         assertThat(new RequiredSecrets(client, appId, List.of("DATABASE_URL", "PG_PASS")).missing())
 *                 .containsExactly("PG_PASS");
 *     }
 * }
 * }</pre>
 *
 * <p>{@link ai.spice.secrets.testkit.junit.SecretsEmulatorExtension} says what is started when, what is reset
 * between tests and why it is safe under parallel execution. JUnit is an optional dependency of the testkit: add
 * {@code junit-jupiter} (5.13 or later) to the tests that use this package, as they have anyway. Everything here is
 * thread-safe except {@link ai.spice.secrets.testkit.junit.SecretsEmulatorExtension.Builder}.
 */
package ai.spice.secrets.testkit.junit;
