package ai.spice.secrets.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.PermissionDeniedException;
import ai.spice.secrets.testkit.SecretsEmulator;
import ai.spice.secrets.testkit.junit.AppId;
import ai.spice.secrets.testkit.junit.ReadOnly;
import ai.spice.secrets.testkit.junit.SecretsEmulatorTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The testkit's extension with the real SDK, which it builds by reflection (the testkit does not depend on the SDK):
 * the injected clients are the SDK's, pointed at the emulator with the scopes promised, shared within a test and
 * closed after it.
 */
@SecretsEmulatorTest
class EmulatorExtensionSdkTest {

    private static final List<SecretsClient> INJECTED = new CopyOnWriteArrayList<>();

    private final SecretsClient constructorClient;

    EmulatorExtensionSdkTest(SecretsClient client) {
        this.constructorClient = client;
    }

    @Test
    void theClientMayWriteAndTheReadOnlyClientOnlyRead(SecretsEmulator emulator, @AppId long appId,
            SecretsClient client, @ReadOnly SecretsClient readOnly) {
        INJECTED.add(client);
        INJECTED.add(readOnly);
        assertThat(client).isSameAs(constructorClient).isNotSameAs(readOnly);
        assertThat(client.getClass().getName()).as("the SDK's own implementation")
                .startsWith("ai.spice.secrets.internal.");

        client.upsert(appId, "API_KEY", SecretValue.of("sk-test"));

        assertThat(readOnly.list(appId)).extracting(Secret::name).containsExactly("API_KEY");
        assertThatThrownBy(() -> readOnly.delete(appId, "API_KEY")).isInstanceOf(PermissionDeniedException.class);
        assertThat(emulator.storedValue(appId, "API_KEY")).contains("sk-test");
    }

    @AfterAll
    static void theClientsOfATestAreClosedWhenItEnds(@AppId long classApp) {
        assertThat(INJECTED).hasSize(2).allSatisfy(client ->
                assertThatThrownBy(() -> client.list(classApp)).isInstanceOf(IllegalStateException.class));
    }
}
