package ai.spice.secrets.bulk;

import static ai.spice.secrets.bulk.WireClients.APP;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretsClient;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SpicepodCheckHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SPICEPOD = """
            version: v1
            kind: Spicepod
            name: app
            models:
              - from: openai:gpt-4o
                name: openai
                params:
                  openai_api_key: ${ secrets:OPENAI_API_KEY }
            datasets:
              - from: postgres:orders
                name: orders
                params:
                  pg_connection_string: postgres://app:${secrets:PG_PASS}@db:5432/shop
                  pg_user: ${env:PG_USER}
              - from: databricks:spiceai.datasets.sales
                name: sales
                params:
                  databricks_token: ${secrets::DATABRICKS_TOKEN}
            # old: ${secrets:REMOVED_KEY}
            """;

    @TempDir
    Path dir;

    @Test
    void reportsMissingUnreferencedUnreferenceableAndMalformed() throws Exception {
        WireClients.stubList(server, "OPENAI_API_KEY", "UNUSED_KEY", "_internal_api_key", "REMOVED_KEY");
        Path spicepod = Files.writeString(dir.resolve("spicepod.yaml"), SPICEPOD);
        SpicepodCheck check;
        try (SecretsClient client = WireClients.client(server)) {
            check = client.checkSpicepod(APP, spicepod);
        }
        assertThat(check.missing()).containsExactly("PG_PASS");
        assertThat(check.unreferenced()).containsExactly("UNUSED_KEY", "REMOVED_KEY");
        assertThat(check.unreferenceable()).containsExactly("_internal_api_key");
        assertThat(check.malformed()).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(18);
            assertThat(m.text()).isEqualTo("${secrets::DATABRICKS_TOKEN}");
        });
        assertThat(check.references()).extracting(SpicepodReference::key).containsExactly("OPENAI_API_KEY", "PG_PASS");
        assertThat(check.isClean()).isFalse();
        assertThat(check.source()).isEqualTo(spicepod.toString());
        assertThat(check.toString()).isEqualTo("Spicepod check of " + spicepod + ": 2 secrets references\n"
                + "missing (referenced, but the app has no such secret):\n"
                + "  PG_PASS (line 13)\n"
                + "malformed references (the runtime leaves them as written):\n"
                + "  line 18, column 25: ${secrets::DATABRICKS_TOKEN}: double colon; write ${store:KEY} with one ':',"
                + " e.g. ${secrets:NAME}\n"
                + "unreferenced (in the app, not in the spicepod):\n"
                + "  UNUSED_KEY\n"
                + "  REMOVED_KEY\n"
                + "unreferenceable (a spicepod key must start with a letter):\n"
                + "  _internal_api_key\n"
                + "PROBLEMS: 1 missing, 1 malformed, 2 unreferenced, 1 unreferenceable");
    }

    @Test
    void aSpicepodWhoseSecretsAllExistIsClean() throws Exception {
        WireClients.stubList(server, "OPENAI_API_KEY", "PG_PASS");
        Path spicepod = Files.writeString(dir.resolve("spicepod.yaml"),
                "params:\n  a: ${secrets:OPENAI_API_KEY}\n  b: ${ secrets : PG_PASS }\n");
        SpicepodCheck check;
        try (SecretsClient client = WireClients.client(server)) {
            check = client.checkSpicepod(APP, spicepod);
        }
        assertThat(check.isClean()).isTrue();
        assertThat(check.toString()).endsWith("OK: 0 missing, 0 malformed, 0 unreferenced, 0 unreferenceable");
    }

    @Test
    void aMissingFileFailsBeforeAnyRequest() {
        try (SecretsClient client = WireClients.client(server)) {
            assertThatThrownBy(() -> client.checkSpicepod(APP, dir.resolve("absent.yaml")))
                    .isInstanceOf(UncheckedIOException.class);
            assertThatThrownBy(() -> client.checkSpicepod(0, dir.resolve("absent.yaml")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.checkSpicepod(APP, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("spicepod");
        }
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void checksAgainstADotEnvWithoutAnyRequest() {
        SpicepodCheck check = SpicepodCheck.of(SpicepodReferences.scan(SPICEPOD),
                DotEnv.parse("OPENAI_API_KEY=sk\nPG_PASS=pw\n").keySet());
        assertThat(check.missing()).isEmpty();
        assertThat(check.unreferenced()).isEmpty();
        assertThat(check.isClean()).isFalse();
        assertThat(check.source()).isEqualTo("<string>");
    }

    @Test
    void aReferencedKeyThatNoSecretCanHaveIsMarked() {
        SpicepodCheck check = SpicepodCheck.of(SpicepodReferences.scan("a: ${secrets:my-key}"), List.of());
        assertThat(check.missing()).containsExactly("my-key");
        assertThat(check.toString()).contains("  my-key (line 1): not a valid secret name, so no app can have it");
    }
}
