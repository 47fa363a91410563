package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.bulk.SpicepodCheck.Resolution;
import ai.spice.secrets.bulk.SpicepodCheck.ResolvedReference;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checkSpicepod} against the embedded emulator: the forms Spice's docs use, checked against a real app. */
class SpicepodEmulatorTest {

    private static SecretsEmulator emulator;
    private static String token;
    private SecretsClient client;
    private long app;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulator() {
        emulator = SecretsEmulator.start();
        token = emulator.issueToken("secrets:read");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void newAppAndClient() {
        app = emulator.createApp("spicepod");
        client = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(token)
                .retryPolicy(WireClients.FAST_RETRIES).build();
        emulator.clearRequests();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void anEnvReferenceIsAnAppSecretNotAnUnreferencedOne() throws Exception {
        seed("PG_USER", "PG_PASS");
        SpicepodCheck check = client.checkSpicepod(app, spicepod("""
                datasets:
                  - from: postgres:my_table
                    name: my_table
                    params:
                      pg_user: ${env:PG_USER}
                      pg_pass: ${env:PG_PASS}
                      pg_db: ${env:PG_DB}
                """));
        assertThat(check.references()).extracting(ResolvedReference::resolution)
                .containsExactly(Resolution.APP_SECRET, Resolution.APP_SECRET, Resolution.MISSING);
        assertThat(check.unreferenced()).isEmpty();
        assertThat(check.missing()).containsExactly("PG_DB");
        assertThat(check.toString()).contains("  PG_DB (line 7, datasets[0].params.pg_db): no app secret, so"
                + " ${env:PG_DB} must be an environment variable set some other way");
        assertThat(emulator.requestCount("GET", "/v1/apps/" + app + "/secrets")).isEqualTo(1);
    }

    @Test
    void aLowerCaseKeyIsAnsweredByTheUpperCasedAppSecret() throws Exception {
        seed("MY_PG_USER", "MY_PG_PASSWORD");
        SpicepodCheck check = client.checkSpicepod(app, spicepod("""
                datasets:
                  - from: postgres:my_table
                    name: my_table
                    params:
                      pg_user: ${secrets:my_pg_user}
                      pg_pass: ${secrets:my_pg_password}
                """));
        assertThat(check.resolvedAs(Resolution.APP_SECRET_UPPERCASED)).extracting(ResolvedReference::answeredBy)
                .containsExactly(Optional.of("MY_PG_USER"), Optional.of("MY_PG_PASSWORD"));
        assertThat(check.missing()).isEmpty();
        assertThat(check.unreferenced()).isEmpty();
        assertThat(check.isClean()).isTrue();
    }

    @Test
    void configuredStoresAreListedNotCheckedAndUndefinedOnesAreProblems() throws Exception {
        seed("PG_PASS");
        SpicepodCheck check = client.checkSpicepod(app, spicepod("""
                secrets:
                  - from: env
                    name: env
                  - from: kubernetes:my_secret
                    name: k8s
                datasets:
                  - from: spiceai:eth.recent_blocks
                    name: blocks
                    params:
                      spiceai_api_key: ${k8s:spiceai_api_key}
                      pg_pass: ${secrets:PG_PASS}
                      token: ${keyring:token}
                """));
        assertThat(check.references()).extracting(ResolvedReference::resolution).containsExactly(
                Resolution.CONFIGURED_STORE, Resolution.APP_SECRET, Resolution.UNDEFINED_STORE);
        assertThat(check.isClean()).isFalse();
        assertThat(check.toString()).contains("in other configured stores (not checked against the app):\n"
                + "  ${k8s:spiceai_api_key} (line 10, datasets[0].params.spiceai_api_key)\n",
                "  ${keyring:token} (line 12, datasets[0].params.token)\n");
    }

    @Test
    void namesAvailableElsewhereAreNotMissing() throws Exception {
        seed("OPENAI_API_KEY");
        Path spicepod = spicepod("""
                models:
                  - from: openai:gpt-4o
                    name: assistant
                    params:
                      openai_api_key: ${secrets:OPENAI_API_KEY}
                      fallback_key: ${secrets:SCP_OPENAI_API_KEY}
                      org_key: ${env:ORG_SHARED_KEY}
                """);
        assertThat(client.checkSpicepod(app, spicepod).missing()).containsExactly("SCP_OPENAI_API_KEY", "ORG_SHARED_KEY");
        SpicepodCheck check = client.checkSpicepod(app, spicepod, SpicepodCheckOptions.builder()
                .availableElsewhere(List.of("SCP_OPENAI_API_KEY", "ORG_SHARED_KEY")).build());
        assertThat(check.missing()).isEmpty();
        assertThat(check.resolvedAs(Resolution.AVAILABLE_ELSEWHERE)).extracting(r -> r.reference().key())
                .containsExactly("SCP_OPENAI_API_KEY", "ORG_SHARED_KEY");
        assertThat(check.isClean()).isTrue();
    }

    private Path spicepod(String text) throws Exception {
        return Files.writeString(dir.resolve("spicepod.yaml"), text);
    }

    private void seed(String... names) {
        for (String name : names) {
            emulator.storeSecret(app, name, "seeded-" + name);
        }
    }
}
