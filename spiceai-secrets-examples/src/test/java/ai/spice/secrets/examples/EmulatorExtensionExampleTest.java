package ai.spice.secrets.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.PermissionDeniedException;
import ai.spice.secrets.testkit.Fault;
import ai.spice.secrets.testkit.SecretsEmulator;
import ai.spice.secrets.testkit.junit.AppId;
import ai.spice.secrets.testkit.junit.ReadOnly;
import ai.spice.secrets.testkit.junit.SecretsEmulatorTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Testing your own code ({@link RequiredSecrets}) with {@code @SecretsEmulatorTest}: the emulator, an app of the
 * test's own and SDK clients are parameters, and every test starts with no faults and an empty request journal.
 */
@SecretsEmulatorTest
class EmulatorExtensionExampleTest {

    @Test
    void reportsTheRequiredSecretsTheAppLacks(SecretsEmulator emulator, @AppId long appId,
            @ReadOnly SecretsClient client) {
        emulator.storeSecret(appId, "DATABASE_URL", "postgres://db.internal/orders");

        assertThat(new RequiredSecrets(client, appId).missing(List.of("DATABASE_URL", "PG_PASS", "STRIPE_KEY")))
                .containsExactly("PG_PASS", "STRIPE_KEY");
    }

    @Test
    void fillsInOnlyTheMissingDefaults(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
        emulator.storeSecret(appId, "LOG_LEVEL", "debug");

        List<String> stored = new RequiredSecrets(client, appId)
                .fillDefaults(Map.of("LOG_LEVEL", "info", "POOL_SIZE", "10"));

        assertThat(stored).containsExactly("POOL_SIZE");
        assertThat(emulator.storedValue(appId, "LOG_LEVEL")).contains("debug");
        assertThat(emulator.storedValue(appId, "POOL_SIZE")).contains("10");
        assertThat(emulator.requestCount("POST", "/v1/apps/" + appId + "/secrets")).isEqualTo(1);
    }

    @Test
    void cannotFillDefaultsWithAReadOnlyToken(SecretsEmulator emulator, @AppId long appId,
            @ReadOnly SecretsClient client) {
        assertThatThrownBy(() -> new RequiredSecrets(client, appId).fillDefaults(Map.of("POOL_SIZE", "10")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(emulator.secretNames(appId)).isEmpty();
    }

    @Test
    void ridesOutARateLimitedAnswer(SecretsEmulator emulator, @AppId long appId, @ReadOnly SecretsClient client) {
        String secrets = "/v1/apps/" + appId + "/secrets";
        emulator.faults().next(1, secrets, Fault.status(429).retryAfter(Duration.ZERO));

        assertThat(new RequiredSecrets(client, appId).missing(List.of("PG_PASS"))).containsExactly("PG_PASS");
        assertThat(emulator.requestCount("GET", secrets)).as("the SDK retried once").isEqualTo(2);
    }
}
