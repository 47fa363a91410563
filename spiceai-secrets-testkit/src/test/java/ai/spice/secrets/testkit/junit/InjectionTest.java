package ai.spice.secrets.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.testkit.SecretsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What each kind of method and the constructor get injected, under the default per-class lifecycle. */
@SecretsEmulatorTest
class InjectionTest {

    private static SecretsEmulator classEmulator;
    private static long classApp;

    private final SecretsEmulator constructorEmulator;
    private final long constructorApp;
    private final SecretsClient constructorClient;
    private long beforeEachApp;
    private SecretsClient beforeEachClient;

    InjectionTest(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
        this.constructorEmulator = emulator;
        this.constructorApp = appId;
        this.constructorClient = client;
    }

    @BeforeAll
    static void beforeAll(SecretsEmulator emulator, @AppId long appId) {
        classEmulator = emulator;
        classApp = appId;
    }

    @BeforeEach
    void beforeEach(@AppId long appId, SecretsClient client) {
        beforeEachApp = appId;
        beforeEachClient = client;
    }

    @Test
    void constructorBeforeEachAndTestShareTheClassEmulatorAndTheTestsAppAndClient(SecretsEmulator emulator,
            @AppId long appId, SecretsClient client) {
        assertThat(emulator).isSameAs(classEmulator).isSameAs(constructorEmulator);
        assertThat(appId).isEqualTo(constructorApp).isEqualTo(beforeEachApp);
        assertThat(client).isSameAs(constructorClient).isSameAs(beforeEachClient);
    }

    @Test
    void theTestsAppIsAFreshAppOfTheEmulatorAndNotTheClassLevelOne(SecretsEmulator emulator, @AppId long appId,
            @AppId Long boxed) {
        assertThat(boxed).isEqualTo(appId);
        assertThat(appId).isPositive().isNotEqualTo(classApp);
        assertThat(emulator.secretNames(appId)).isEmpty();
        emulator.storeSecret(appId, "SEEDED", "value");
        assertThat(emulator.storedValue(appId, "SEEDED")).contains("value");
    }

    @Test
    void theClientMayWriteAndTheReadOnlyClientOnlyRead(SecretsEmulator emulator, @AppId long appId,
            SecretsClient client, @ReadOnly SecretsClient readOnly) {
        assertThat(client.baseUrl()).isEqualTo(emulator.baseUrl());
        assertThat(readOnly.baseUrl()).isEqualTo(emulator.baseUrl());
        assertThat(readOnly).isNotSameAs(client);
        assertThat(readOnly.token()).isNotEqualTo(client.token());

        assertThat(client.upsert(appId, "WRITTEN", "value")).isEqualTo(200);
        assertThat(readOnly.list(appId)).isEqualTo(200);
        assertThat(readOnly.upsert(appId, "REFUSED", "value")).isEqualTo(403);
        assertThat(emulator.secretNames(appId)).containsExactly("WRITTEN");
    }

    @AfterEach
    void afterEach(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
        assertThat(emulator).isSameAs(classEmulator);
        assertThat(appId).isEqualTo(beforeEachApp);
        assertThat(client).isSameAs(beforeEachClient);
        assertThat(client.isClosed()).isFalse();
    }

    @AfterAll
    static void afterAll(SecretsEmulator emulator, @AppId long appId) {
        assertThat(emulator).isSameAs(classEmulator);
        assertThat(appId).isEqualTo(classApp);
    }

    @Nested
    class NestedClass {

        @Test
        void sharesTheEnclosingEmulatorAndGivesTheEnclosingInstanceTheTestsApp(SecretsEmulator emulator,
                @AppId long appId) {
            assertThat(emulator).isSameAs(classEmulator);
            assertThat(appId).isNotEqualTo(classApp).isEqualTo(constructorApp);
        }
    }
}
