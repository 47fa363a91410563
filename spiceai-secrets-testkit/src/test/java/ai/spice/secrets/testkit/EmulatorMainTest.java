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

            assertThat(env).containsOnlyKeys("SPICEAI_API_ENDPOINT", "SPICEAI_ORG", "SPICE_APP_ID", "SPICE_API_TOKEN",
                    "SPICE_API_TOKEN_READ_ONLY", "SPICEAI_OAUTH_ENDPOINT", "SPICEAI_CLIENT_ID", "SPICEAI_CLIENT_SECRET");
            assertThat(env.get("SPICEAI_API_ENDPOINT")).isEqualTo(emulator.baseUrl().toString());
            assertThat(env.get("SPICEAI_OAUTH_ENDPOINT")).isEqualTo(emulator.tokenUrl().toString());
            assertThat(env.get("SPICEAI_ORG")).isEqualTo("emulator");
            String app = "/v1/projects/" + env.get("SPICE_APP_ID");
            String secrets = app + "/secrets";
            CheckedClient client = CheckedClient.of(emulator, env.get("SPICE_API_TOKEN")).org(env.get("SPICEAI_ORG"));
            assertThat(client.get(app).status()).as("the app resolves as Spice's CLI does it").isEqualTo(200);
            assertThat(client.post(secrets, "{\"name\":\"A\",\"value\":\"b\"}").status()).isEqualTo(200);
            CheckedClient readOnly = CheckedClient.of(emulator, env.get("SPICE_API_TOKEN_READ_ONLY"));
            assertThat(readOnly.get(secrets + "/A").status()).isEqualTo(200);
            Contract.Exchange refused = readOnly.post(secrets, "{\"name\":\"A\",\"value\":\"c\"}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("\"code\":\"insufficient_scope\"");
            assertThat(readOnly.get(app).status()).as("secrets:read only").isEqualTo(403);
            assertThat(emulator.storedValue(Long.parseLong(env.get("SPICE_APP_ID")), "A")).contains("b");
            String accessToken = OAuthTokenTest.accessToken(emulator,
                    new ClientCredentials(env.get("SPICEAI_CLIENT_ID"), env.get("SPICEAI_CLIENT_SECRET")));
            assertThat(CheckedClient.of(emulator, accessToken).get(secrets).status()).isEqualTo(200);
        }
    }
}
