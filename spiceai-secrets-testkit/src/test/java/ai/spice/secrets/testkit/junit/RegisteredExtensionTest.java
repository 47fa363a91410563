package ai.spice.secrets.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.testkit.SecretsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered as a field, with settings the annotation lacks. */
class RegisteredExtensionTest {

    private static final int PORT = freePort();

    @RegisterExtension
    static final SecretsEmulatorExtension EMULATOR = SecretsEmulatorExtension.builder()
            .settings(emulator -> emulator.port(PORT).defaultOrganization("acme"))
            .build();

    static final List<SecretsEmulator> SEEN = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void theEmulatorListensBeforeAnyParameterAsksForIt() {
        assertThat(FixtureRun.isServing(PORT)).isTrue();
    }

    @Test
    void theSettingsReachTheEmulator(SecretsEmulator emulator) {
        assertThat(emulator.port()).isEqualTo(PORT);
        assertThat(emulator.defaultOrganization().handle()).isEqualTo("acme");
    }

    @Test
    void theBuilderChecksItsSettingsAtOnce() {
        SecretsEmulatorExtension.Builder builder = SecretsEmulatorExtension.builder();
        assertThatThrownBy(() -> builder.settings(emulator -> emulator.latency(Duration.ofMillis(-1))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
        assertThatThrownBy(() -> builder.settings(null)).isInstanceOf(NullPointerException.class).hasMessage("settings");
        assertThatThrownBy(() -> builder.lifecycle(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("lifecycle");
    }

    @Test
    void anInstanceFieldPerMethodExtensionGivesEachTestItsOwnEmulator() {
        SEEN.clear();
        FixtureRun run = FixtureRun.sequential(InstanceField.class);

        assertThat(run.failures()).isEmpty();
        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates().noneMatch(FixtureRun::isServing);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static class InstanceField {

        @RegisterExtension
        final SecretsEmulatorExtension emulator = SecretsEmulatorExtension.builder()
                .lifecycle(EmulatorLifecycle.PER_METHOD)
                .build();

        @RepeatedTest(2)
        void test(SecretsEmulator emulator) {
            SEEN.add(emulator);
        }
    }
}
