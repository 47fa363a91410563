package ai.spice.secrets.testkit.junit;

import ai.spice.secrets.testkit.SecretsEmulator;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What an extension starts: the emulator's settings, applied to a fresh {@link SecretsEmulator.Builder} for each
 * emulator, and its lifecycle. Immutable.
 */
record Settings(Consumer<SecretsEmulator.Builder> emulator, EmulatorLifecycle lifecycle) {

    static final Settings DEFAULTS = new Settings(builder -> {}, EmulatorLifecycle.PER_CLASS);

    Settings {
        Objects.requireNonNull(emulator, "emulator");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    static Settings of(SecretsEmulatorTest test) {
        return of(test.latencyMillis(), test.rateLimit(), test.rateLimitWindowMillis(), test.tokenLifetimeSeconds(),
                test.port(), test.lifecycle());
    }

    /** The settings of the annotation's attributes, each checked here so that the message names the attribute. */
    static Settings of(long latencyMillis, int rateLimit, long rateLimitWindowMillis, long tokenLifetimeSeconds,
            int port, EmulatorLifecycle lifecycle) {
        atLeast("latencyMillis", latencyMillis, 0);
        atLeast("rateLimit", rateLimit, 0);
        atLeast("rateLimitWindowMillis", rateLimitWindowMillis, 1);
        atLeast("tokenLifetimeSeconds", tokenLifetimeSeconds, 1);
        atLeast("port", port, 0);
        if (port > 65535) {
            throw new ExtensionConfigurationException("@SecretsEmulatorTest(port = " + port + "): must be 0 to 65535");
        }
        return new Settings(builder -> {
            builder.latency(Duration.ofMillis(latencyMillis))
                    .tokenLifetime(Duration.ofSeconds(tokenLifetimeSeconds))
                    .port(port);
            if (rateLimit > 0) {
                builder.rateLimit(rateLimit, Duration.ofMillis(rateLimitWindowMillis));
            }
        }, lifecycle);
    }

    SecretsEmulator start() {
        SecretsEmulator.Builder builder = SecretsEmulator.builder();
        emulator.accept(builder);
        return builder.build();
    }

    private static void atLeast(String attribute, long value, long min) {
        if (value < min) {
            throw new ExtensionConfigurationException(
                    "@SecretsEmulatorTest(" + attribute + " = " + value + "): must be " + min + " or more");
        }
    }
}
