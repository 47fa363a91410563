package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

    @Test
    void portDefaultsTo8787AndIsReadFromEitherForm() {
        assertThat(EmulatorMain.port()).isEqualTo(8787);
        assertThat(EmulatorMain.port("--port", "0")).isZero();
        assertThat(EmulatorMain.port("--port=9000")).isEqualTo(9000);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> EmulatorMain.port("--port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorMain.port("--port", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorMain.port("--port", "70000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorMain.port("--verbose")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsExportLinesWhoseCredentialsWork() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SecretsEmulator emulator = SecretsEmulator.start()) {
            EmulatorMain.describe(emulator, new PrintStream(bytes, true, StandardCharsets.UTF_8));

            Map<String, String> env = new LinkedHashMap<>();
            for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
                assertThat(line).startsWith("export ");
                String[] pair = line.substring("export ".length()).split("=", 2);
                env.put(pair[0], pair[1]);
            }

            assertThat(env).containsOnlyKeys("SPICEAI_API_ENDPOINT", "SPICE_APP_ID", "SPICE_API_TOKEN",
                    "SPICEAI_OAUTH_ENDPOINT", "SPICEAI_CLIENT_ID", "SPICEAI_CLIENT_SECRET");
            assertThat(env.get("SPICEAI_API_ENDPOINT")).isEqualTo(emulator.baseUrl().toString());
            assertThat(env.get("SPICEAI_OAUTH_ENDPOINT")).isEqualTo(emulator.tokenUrl().toString());
            String secrets = "/v1/apps/" + env.get("SPICE_APP_ID") + "/secrets";
            ApiClient client = ApiClient.of(emulator, env.get("SPICE_API_TOKEN"));
            assertThat(client.post(secrets, "{\"name\":\"A\",\"value\":\"b\"}").statusCode()).isEqualTo(200);
            String accessToken = OAuthTokenTest.accessToken(emulator,
                    new ClientCredentials(env.get("SPICEAI_CLIENT_ID"), env.get("SPICEAI_CLIENT_SECRET")));
            assertThat(ApiClient.of(emulator, accessToken).get(secrets).statusCode()).isEqualTo(200);
        }
    }
}
