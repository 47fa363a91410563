package ai.spice.secrets.bulk;

import static ai.spice.secrets.bulk.WireClients.APP;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.SpicepodException;
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
        WireClients.stubList(server, "OPENAI_API_KEY", "UNUSED_KEY", "_internal_api_key", "REMOVED_KEY", "PG_USER");
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
        assertThat(check.references()).extracting(r -> r.reference().text())
                .containsExactly("${secrets:OPENAI_API_KEY}", "${secrets:PG_PASS}", "${env:PG_USER}");
        assertThat(check.isClean()).isFalse();
        assertThat(check.source()).isEqualTo(spicepod.toString());
        assertThat(check.toString()).isEqualTo("Spicepod check of " + spicepod + ": 3 references\n"
                + "missing (no app secret of that name or upper-cased, nothing available elsewhere):\n"
                + "  PG_PASS (line 13, datasets[0].params.pg_connection_string)\n"
                + "malformed references (the runtime leaves them as written):\n"
                + "  line 18, column 25: ${secrets::DATABRICKS_TOKEN}: double colon; write ${store:KEY} with one ':',"
                + " e.g. ${secrets:NAME}\n"
                + "${env:...} answered by app secrets (environment variables):\n"
                + "  ${env:PG_USER} -> app secret PG_USER (line 14, datasets[0].params.pg_user)\n"
                + "unreferenced (in the app, not in the spicepod):\n"
                + "  UNUSED_KEY\n"
                + "  REMOVED_KEY\n"
                + "unreferenceable (a spicepod key must start with a letter):\n"
                + "  _internal_api_key\n"
                + "PROBLEMS: 1 missing, 0 undefined store, 1 malformed, 2 unreferenced, 1 unreferenceable");
    }

    @Test
    void aSpicepodWhoseSecretsAllExistIsClean() throws Exception {
        WireClients.stubList(server, "OPENAI_API_KEY", "PG_PASS");
        Path spicepod = Files.writeString(dir.resolve("spicepod.yaml"),
                "models:\n  - params:\n      a: ${secrets:OPENAI_API_KEY}\n      b: \"${ secrets : PG_PASS }\"\n");
        SpicepodCheck check;
        try (SecretsClient client = WireClients.client(server)) {
            check = client.checkSpicepod(APP, spicepod);
        }
        assertThat(check.isClean()).isTrue();
        assertThat(check.toString()).endsWith("OK: 0 missing, 0 undefined store, 0 malformed, 0 unreferenced,"
                + " 0 unreferenceable");
    }

    @Test
    void aMissingOrInvalidFileFailsBeforeAnyRequest() throws Exception {
        Path invalid = Files.writeString(dir.resolve("invalid.yaml"), "datasets:\n  - params: [\n");
        try (SecretsClient client = WireClients.client(server)) {
            assertThatThrownBy(() -> client.checkSpicepod(APP, dir.resolve("absent.yaml")))
                    .isInstanceOf(UncheckedIOException.class);
            assertThatThrownBy(() -> client.checkSpicepod(APP, invalid)).isInstanceOf(SpicepodException.class)
                    .hasMessageStartingWith(invalid + ", line 3, column 1: ");
            assertThatThrownBy(() -> client.checkSpicepod(0, dir.resolve("absent.yaml")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.checkSpicepod(APP, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("spicepod");
            assertThatThrownBy(() -> client.checkSpicepod(APP, invalid, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("options");
        }
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void checksAgainstADotEnvWithoutAnyRequest() {
        SpicepodCheck check = SpicepodCheck.of(SpicepodReferences.parse(SPICEPOD),
                DotEnv.parse("OPENAI_API_KEY=sk\nPG_PASS=pw\nPG_USER=u\n").keySet());
        assertThat(check.missing()).isEmpty();
        assertThat(check.unreferenced()).isEmpty();
        assertThat(check.isClean()).isFalse();
        assertThat(check.source()).isEqualTo("<string>");
    }

    @Test
    void aReferencedKeyThatNoSecretCanHaveIsMarked() {
        SpicepodCheck check = SpicepodCheck.of(SpicepodReferences.parse("datasets:\n  - params:\n      a: ${secrets:my-key}\n"),
                List.of());
        assertThat(check.missing()).containsExactly("my-key");
        assertThat(check.toString()).contains("  my-key (line 3, datasets[0].params.a): not a valid secret name, so no"
                + " app can have it");
    }
}
