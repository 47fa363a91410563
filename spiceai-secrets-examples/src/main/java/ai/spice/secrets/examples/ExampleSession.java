package ai.spice.secrets.examples;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where an example runs: the real API when {@code SPICE_APP_ID} and credentials ({@code SPICE_API_TOKEN}, or
 * {@code SPICEAI_CLIENT_ID} and {@code SPICEAI_CLIENT_SECRET}) are set, the embedded emulator otherwise. Says which in
 * its first line. Setting the system property {@code spice.examples.emulator=true} forces the emulator.
 */
final class ExampleSession implements AutoCloseable {

    private final SecretsClient client;
    private final long appId;
    private final SecretsEmulator emulator;

    private ExampleSession(SecretsClient client, long appId, SecretsEmulator emulator) {
        this.client = client;
        this.appId = appId;
        this.emulator = emulator;
    }

    static ExampleSession open(String example) {
        return open(example, SecretsClient.builder());
    }

    /** Opens a session whose client is built from {@code builder} (retry policy, listeners...) plus the target. */
    static ExampleSession open(String example, SecretsClient.Builder builder) {
        return open(example, builder, SecretsEmulator.builder());
    }

    /** As above, starting the emulator (when there is no real API to use) from {@code emulatorBuilder}. */
    static ExampleSession open(String example, SecretsClient.Builder builder, SecretsEmulator.Builder emulatorBuilder) {
        UnaryOperator<String> env = System::getenv;
        boolean hasCredentials = env.apply("SPICE_API_TOKEN") != null
                || (env.apply("SPICEAI_CLIENT_ID") != null && env.apply("SPICEAI_CLIENT_SECRET") != null);
        if (hasCredentials && env.apply("SPICE_APP_ID") != null && !Boolean.getBoolean("spice.examples.emulator")) {
            System.out.println(example + ": using the Spice.ai API at "
                    + Optional.ofNullable(env.apply("SPICEAI_API_ENDPOINT")).orElse("https://api.spice.ai"));
            return new ExampleSession(builder.fromEnv().build(), Long.parseLong(env.apply("SPICE_APP_ID").strip()), null);
        }
        SecretsEmulator emulator = emulatorBuilder.build();
        System.out.println(example + ": no SPICE_APP_ID and credentials set, so running on the embedded emulator at "
                + emulator.baseUrl());
        long appId = emulator.createApp("examples");
        SecretsClient client = builder.baseUrl(emulator.baseUrl())
                .token(emulator.issueToken("secrets:read", "secrets:write")).build();
        return new ExampleSession(client, appId, emulator);
    }

    SecretsClient client() {
        return client;
    }

    long appId() {
        return appId;
    }

    /** The emulator, when the example runs on one: examples use it to stage failures the real API only sometimes gives. */
    Optional<SecretsEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    @Override
    public void close() {
        client.close();
        if (emulator != null) {
            emulator.close();
        }
    }
}
