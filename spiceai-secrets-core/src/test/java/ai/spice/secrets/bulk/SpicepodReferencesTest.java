package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.bulk.SpicepodReference.Kind;
import ai.spice.secrets.errors.SpicepodException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spicepods modelled on Spice's docs, read with the YAML parser; references shown as {@code store:key@line:column},
 * malformed ones as {@code line:column|text|reason fragment}.
 */
class SpicepodReferencesTest {

    @TempDir
    Path dir;

    static Stream<Arguments> snippets() {
        return Stream.of(
                Arguments.of("model with a spaced secrets reference", """
                        version: v1
                        kind: Spicepod
                        name: app
                        models:
                          - from: openai:gpt-4o
                            name: openai
                            params:
                              openai_api_key: ${ secrets:OPENAI_API_KEY }
                        """, List.of("secrets:OPENAI_API_KEY@8:23"), List.of()),
                Arguments.of("postgres dataset params", """
                        datasets:
                          - from: postgres:my_table
                            name: my_table
                            params:
                              pg_host: localhost
                              pg_port: 5432
                              pg_user: my_user
                              pg_pass: ${secrets:PG_PASS}
                        """, List.of("secrets:PG_PASS@8:16"), List.of()),
                Arguments.of("reference inside a connection string", """
                        datasets:
                          - from: postgres:orders
                            params:
                              pg_connection_string: postgres://user:${secrets:PG_PASS}@host:5432/db?sslmode=require
                        """, List.of("secrets:PG_PASS@4:45"), List.of()),
                Arguments.of("two references in one mysql url", """
                        datasets:
                          - from: mysql:t
                            params:
                              mysql_connection_string: mysql://${env:MY_USER}:${env:MY_PASSWORD}@localhost:3306/db
                        """, List.of("env:MY_USER@4:40", "env:MY_PASSWORD@4:55"), List.of()),
                Arguments.of("whitespace forms the runtime accepts (': ' needs quotes), a reference over two lines", """
                        datasets:
                          - params:
                              a: "${ secrets : SPACED }"
                              b: ${secrets :BEFORE_COLON}
                              c: "${\\tsecrets:\\tTABS\\t}"
                              d: "${  secrets:QUOTED  }"
                              e: ${ secrets
                                :FOLDED }
                        """, List.of("secrets:SPACED@3:11", "secrets:BEFORE_COLON@4:10", "secrets:TABS@5:11",
                        "secrets:QUOTED@6:11", "secrets:FOLDED@7:10"), List.of()),
                Arguments.of("comments are not values", """
                        # openai_api_key: ${secrets:OLD_KEY}
                        datasets:
                          - params:
                                # pg_pass: ${secrets:ALSO_OLD}
                              pg_pass: ${secrets:PG_PASS} # was ${secrets:IN_COMMENT}
                              note: "keep # ${secrets:IN_QUOTES}"
                              apostrophe: it's ${secrets:AFTER_APOSTROPHE} # ${secrets:GONE}
                        """, List.of("secrets:PG_PASS@5:16", "secrets:IN_QUOTES@6:21",
                        "secrets:AFTER_APOSTROPHE@7:24"), List.of()),
                Arguments.of("double colon from the docs", """
                        models:
                          - params:
                              openai_api_key: ${secrets::OPENAI_API_KEY}
                        """, List.of(), List.of("3:23|${secrets::OPENAI_API_KEY}|double colon")),
                Arguments.of("no store", """
                        datasets:
                          - params:
                              pg_pass: ${PG_PASS}
                        """, List.of(), List.of("3:16|${PG_PASS}|no store; write ${secrets:PG_PASS} or ${env:PG_PASS}")),
                Arguments.of("unterminated, and the runtime reads on in the next value", """
                        datasets:
                          - params:
                              pg_pass: ${secrets:PG_PASS
                              pg_user: ${secrets:PG_USER}
                        """, List.of("secrets:PG_USER@4:16"), List.of("3:16|${secrets:PG_PASS|unterminated")),
                Arguments.of("a key starting with an underscore stops the runtime reading the value", """
                        datasets:
                          - params:
                              api_key: ${secrets:_internal_api_key} and ${secrets:AFTER}
                        """, List.of(), List.of("3:16|${secrets:_internal_api_key}|must start with a letter",
                        "3:49|${secrets:AFTER}|the runtime stops looking")),
                Arguments.of("other malformed forms", """
                        datasets:
                          - params:
                              a: ${{ secrets.GH_TOKEN }}
                              b: ${secrets:}
                              c: ${:NAME}
                              d: ${ secrets my_secret }
                              e: ${secrets:my secret}
                              f: ${}
                              g: ${secrets:a:b}
                              h: ${secrets:api.key}
                        """, List.of(), List.of("3:10|${{ secrets.GH_TOKEN }|'${{' is not the spicepod syntax",
                        "4:10|${secrets:}|no key after ':'", "5:10|${:NAME}|no store before ':'",
                        "6:10|${ secrets my_secret }|no ':' between store and key",
                        "7:10|${secrets:my secret}|the key must match", "8:10|${}|empty reference",
                        "9:10|${secrets:a:b}|more than one ':'", "10:10|${secrets:api.key}|the key must match")),
                Arguments.of("a reference right behind an unclosed one is taken by it", """
                        datasets:
                          - params:
                              x: ${secrets:A ${secrets:B}
                        """, List.of(), List.of("3:10|${secrets:A |unterminated", "3:22|${secrets:B}|takes this")),
                Arguments.of("CRLF, a byte-order mark and a character outside the BMP", "\uFEFFdatasets:\r\n"
                        + "  - params:\r\n      a: \uD83D\uDE00 ${secrets:ONE}\r\n      b: ${secrets:TWO}\r\n",
                        List.of("secrets:ONE@3:13", "secrets:TWO@4:10"), List.of()),
                Arguments.of("not references at all", """
                        datasets:
                          - params:
                              a: $HOME
                              b: $ {secrets:SPACE_AFTER_DOLLAR}
                              c: "{secrets:NO_DOLLAR}"
                              d: 5432
                        """, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void findsReferencesAndMalformedFormsWithLineAndColumn(String name, String spicepod, List<String> references,
                                                           List<String> malformed) {
        SpicepodReferences found = SpicepodReferences.parse(spicepod);
        assertThat(found.references()).map(r -> r.store() + ":" + r.key() + "@" + r.line() + ":" + r.column())
                .containsExactlyElementsOf(references);
        assertThat(found.malformed()).hasSameSizeAs(malformed);
        for (int i = 0; i < malformed.size(); i++) {
            String[] expected = malformed.get(i).split("\\|");
            MalformedReference actual = found.malformed().get(i);
            assertThat(actual.line() + ":" + actual.column()).as("position of %s", actual).isEqualTo(expected[0]);
            assertThat(actual.text()).isEqualTo(expected[1]);
            assertThat(actual.reason()).contains(expected[2]);
        }
        assertThat(found.unsubstituted()).isEmpty();
        assertThat(found.source()).isEqualTo("<string>");
    }

    @Test
    void theFourFormsTheTextScannerMissedAreFoundWhereTheFileHasThem() {
        SpicepodReferences found = SpicepodReferences.read(SpicepodFixtures.path("four-misses.yaml"));
        assertThat(found.references()).extracting(SpicepodReference::key).containsExactly("A", "B", "C", "D");
        assertThat(found.references()).map(r -> r.line() + ":" + r.column()).containsExactly(
                SpicepodFixtures.positionOf("four-misses.yaml", "secrets:A"),
                SpicepodFixtures.positionOf("four-misses.yaml", "secrets:B"),
                SpicepodFixtures.positionOf("four-misses.yaml", "secrets:C"),
                // the file spells this one \x24{...}: its position is the value's start, the opening quote
                SpicepodFixtures.positionOf("four-misses.yaml", "escaped").split(":")[0] + ":16");
        assertThat(found.references()).extracting(SpicepodReference::path).containsExactly(
                "datasets[0].params.single_quoted", "datasets[0].params.block", "datasets[0].params.continued",
                "datasets[0].params.escaped");
        assertThat(found.malformed()).isEmpty();
    }

    @Test
    void substitutedPlacesAreParamsEnvAndTlsAndEverythingElseIsListedApart() {
        SpicepodReferences found = SpicepodReferences.read(SpicepodFixtures.path("places.yaml"));
        assertThat(found.references()).map(r -> r.text() + " " + r.kind() + " " + r.path()).containsExactly(
                "${env:K8S_NAMESPACE} ENV secrets[1].params.namespace",
                "${secrets:TLS_CERT} SECRETS runtime.tls.certificate",
                "${env:TLS_KEY_FILE} ENV runtime.tls.key_file",
                "${secrets:PG_PASS} SECRETS datasets[0].params.pg_pass",
                "${env:DUCKDB_FILE} ENV datasets[0].acceleration.params.duckdb_file",
                "${k8s:UC_TOKEN} STORE catalogs[0].dataset_params.token",
                "${secrets:OPENAI_API_KEY} SECRETS models[0].params.openai_api_key",
                "${vault:NESTED} UNDEFINED_STORE models[0].params.nested.deeper",
                "${env:TOOL_ENV} ENV tools[0].env.TOKEN");
        assertThat(found.unsubstituted()).map(r -> r.text() + " " + r.path()).containsExactly(
                "${secrets:IN_METADATA} metadata.note", "${secrets:IN_RUNTIME} runtime.description",
                "${secrets:IN_NAME} datasets[0].name", "${secrets:IN_DESCRIPTION} datasets[0].description",
                "${secrets:IN_KEY} datasets[0].params (key)");
        assertThat(found.malformed()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("${k8s:NOT_AT_BOOTSTRAP}");
            assertThat(m.path()).isEqualTo("secrets[1].params.token");
            assertThat(m.reason()).contains("may only reference ${env:KEY} or ${secrets:KEY}");
        });
        assertThat(found.stores()).containsExactly(new SpicepodReferences.Store("env", "env"),
                new SpicepodReferences.Store("k8s", "kubernetes"));
        assertThat(found.readsEnvironment()).isTrue();
        assertThat(found.secretNames()).containsExactly("TLS_CERT", "PG_PASS", "OPENAI_API_KEY");
        assertThat(found.inStore("env")).hasSize(4);
        assertThat(found).hasToString("SpicepodReferences[" + found.source() + ": 9 references, 5 unsubstituted,"
                + " 1 malformed]");
    }

    @Test
    void aliasesAndMergeKeysAreExpandedWhereTheyAreUsed() {
        SpicepodReferences found = SpicepodReferences.read(SpicepodFixtures.path("aliases.yaml"));
        assertThat(found.references()).map(r -> r.text() + " " + r.path() + " @" + r.line() + ":" + r.column())
                .containsExactly(
                        "${env:PG_USER} datasets[0].params.pg_user @6:14",
                        "${secrets:PG_PASS} datasets[0].params.pg_pass @7:20",
                        "${secrets:PG_PASS} datasets[1].params.pg_pass @7:20",
                        "${secrets:B_USER} datasets[1].params.pg_user @18:16",
                        "${secrets:PG_PASS} datasets[2].params.pg_pass @7:20");
        assertThat(found.unsubstituted()).map(r -> r.text() + " " + r.path())
                .containsExactly("${env:PG_USER} x-defaults.pg.pg_user", "${secrets:PG_PASS} x-defaults.pg.pg_pass");
    }

    @Test
    void withoutASecretsSectionTheDefaultEnvStoreIsLoadedAndOtherStoresAreUndefined() {
        SpicepodReferences found = SpicepodReferences.parse("""
                datasets:
                  - params:
                      a: ${env:A}
                      b: ${keyring:B}
                      c: ${secrets:C}
                """);
        assertThat(found.stores()).containsExactly(new SpicepodReferences.Store("env", "env"));
        assertThat(found.references()).extracting(SpicepodReference::kind)
                .containsExactly(Kind.ENV, Kind.UNDEFINED_STORE, Kind.SECRETS);
        SpicepodReferences renamed = SpicepodReferences.parse("""
                secrets:
                  - from: env
                    name: my_env
                  - from: keyring
                    name: keyring
                datasets:
                  - params: {a: "${my_env:A}", b: "${env:B}", c: "${keyring:C}"}
                """);
        assertThat(renamed.references()).extracting(SpicepodReference::kind)
                .containsExactly(Kind.ENV, Kind.UNDEFINED_STORE, Kind.STORE);
        assertThat(SpicepodReferences.parse("secrets:\n  - from: kubernetes:s\n    name: k8s\n").readsEnvironment())
                .isFalse();
    }

    @Test
    void readNamesTheFileAndAMissingFileFails() throws Exception {
        Path spicepod = dir.resolve("spicepod.yaml");
        Files.writeString(spicepod, "datasets:\n  - params:\n      key: ${secrets:KEY}\n");
        assertThat(SpicepodReferences.read(spicepod).source()).isEqualTo(spicepod.toString());
        assertThat(SpicepodReferences.read(spicepod).secretNames()).containsExactly("KEY");
        assertThatThrownBy(() -> SpicepodReferences.read(dir.resolve("absent.yaml")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("absent.yaml");
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> SpicepodReferences.read(dir.resolve("latin1.yaml")))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anEmptySpicepodHasNoReferences() {
        assertThat(SpicepodReferences.parse("").references()).isEmpty();
        assertThat(SpicepodReferences.parse("# only a comment\n").stores())
                .containsExactly(new SpicepodReferences.Store("env", "env"));
    }

    static Stream<Arguments> invalidYaml() {
        return Stream.of(
                Arguments.of("a: b: c\n", 1, 5, "mapping value"),
                Arguments.of("datasets:\n  - params:\n      pg_pass: \"unclosed\n", 4, 1, "ends inside a quoted value"),
                Arguments.of("a: 1\na: 2\n", 2, 1, "a key appears twice"),
                Arguments.of("a: *nowhere\n", 1, 4, "alias to an anchor that is not defined"),
                Arguments.of("a: \"\\q\"\n", 1, 6, "unknown escape"),
                Arguments.of("a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document"),
                Arguments.of("a:\n\t- b\n", 2, 1, "invalid YAML"),
                Arguments.of("a: &x [*x]\n", 1, 4, "refers to a node that contains it"),
                Arguments.of("a: {<<: [1]}\n", 1, 10, "merge key"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("invalidYaml")
    void invalidYamlIsATypedErrorWithLineAndColumn(String spicepod, int line, int column, String reason) {
        assertThatThrownBy(() -> SpicepodReferences.parse(spicepod)).isInstanceOfSatisfying(SpicepodException.class,
                e -> {
                    assertThat(e.source()).isEqualTo("<string>");
                    assertThat(e.line()).isEqualTo(OptionalInt.of(line));
                    assertThat(e.column()).isEqualTo(OptionalInt.of(column));
                    assertThat(e.reason()).contains(reason);
                    assertThat(e).hasMessage("<string>, line " + line + ", column " + column + ": " + e.reason())
                            .hasNoCause();
                });
    }

    @Test
    void noErrorEchoesTheDocument() {
        String canary = "CANARY_c4n4ry_7f3e";
        List<String> hostile = List.of(
                canary + ": 1\n" + canary + ": 2\n",
                "a: *" + canary + "\n",
                "a: \"" + canary + "\\q\"\n",
                "a: b: " + canary + "\n",
                "a: \"" + canary + "\n",
                "a: &" + canary + " [*" + canary + "]\n",
                "a: " + canary + "\n---\nb: " + canary + "\n",
                "a: {<<: [" + canary + "]}\n",
                "a: \u0001" + canary + "\n",
                "%YAML 9.9\n---\na: " + canary + "\n",
                "a: !<" + canary + " x\n",
                "[" + canary + ", {" + canary + ": [" + canary + "}\n");
        for (String spicepod : hostile) {
            assertThatThrownBy(() -> SpicepodReferences.parse(spicepod)).as(spicepod)
                    .isInstanceOfSatisfying(SpicepodException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain(canary).doesNotContain("c4n4ry");
                        assertThat(e.toString()).doesNotContain(canary);
                        assertThat(e.getCause()).isNull();
                        assertThat(e.getSuppressed()).isEmpty();
                    });
        }
    }

    @Test
    void referenceRecordsCheckTheirParts() {
        assertThatThrownBy(() -> new SpicepodReference("secrets", "_x", Kind.SECRETS, "p", 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpicepodReference("secrets", "X", Kind.SECRETS, "p", 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpicepodReference("secrets", "X", null, "p", 1, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> new MalformedReference("${", "p", 1, 0, "r")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SpicepodReference("secrets", "X", Kind.SECRETS, "p", 1, 1).text()).isEqualTo("${secrets:X}");
        assertThatThrownBy(() -> SpicepodReferences.parse(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("spicepod");
        assertThatThrownBy(() -> SpicepodReferences.read(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("spicepod");
    }

    @Test
    void longMalformedTextIsShortenedAndHostileKeysAreQuotedInPaths() {
        SpicepodReferences found = SpicepodReferences.parse("datasets:\n  - params:\n      \"we.ird\\n\": ${secrets:"
                + "A".repeat(200) + "\n");
        assertThat(found.malformed()).singleElement().satisfies(m -> {
            assertThat(m.text()).hasSize(83).endsWith("...");
            assertThat(m.path()).isEqualTo("datasets[0].params.\"we.ird\\u000a\"");
        });
    }
}
