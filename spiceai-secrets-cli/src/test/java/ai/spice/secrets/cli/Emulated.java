package ai.spice.secrets.cli;

import ai.spice.secrets.testkit.SecretsEmulator;
import java.util.Map;

/** One emulator for a test class, with a read-write token; each test makes its own app, so tests stay independent. */
final class Emulated implements AutoCloseable {

    final SecretsEmulator emulator = SecretsEmulator.start();
    final String token = emulator.issueToken("apps:read", "secrets:read", "secrets:write");

    /** The environment a pipeline step would have: the emulator's URL, the token and the app. */
    Map<String, String> env(long appId) {
        return Map.of(ClientConfig.API_ENDPOINT, emulator.baseUrl().toString(), ClientConfig.TOKEN, token,
                ClientConfig.APP_ID, Long.toString(appId));
    }

    /** A CLI configured for a new app. */
    Cli cli(long appId) {
        return Cli.with(env(appId));
    }

    long newApp() {
        return emulator.createApp("cli-test");
    }

    @Override
    public void close() {
        emulator.close();
    }
}
