package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spicepod snippets modelled on Spice's docs; references shown as {@code store:key@line:column}, malformed ones as
 * {@code line:column|text|reason fragment}.
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
                Arguments.of("env store and a secrets section", """
                        secrets:
                          - from: env
                            name: env
                        datasets:
                          - from: postgres:t
                            params:
                              pg_pass: ${env:PG_PASS}
                              pg_user: ${env:PG_USER}
                        """, List.of("env:PG_PASS@7:16", "env:PG_USER@8:16"), List.of()),
                Arguments.of("reference inside a connection string", """
                        datasets:
                          - from: postgres:orders
                            params:
                              pg_connection_string: postgres://user:${secrets:PG_PASS}@host:5432/db?sslmode=require
                        """, List.of("secrets:PG_PASS@4:45"), List.of()),
                Arguments.of("two references in one mysql url", """
                        params:
                          mysql_connection_string: mysql://${secrets:MYSQL_USER}:${secrets:MYSQL_PASS}@localhost:3306/db
                        """, List.of("secrets:MYSQL_USER@2:36", "secrets:MYSQL_PASS@2:58"), List.of()),
                Arguments.of("whitespace forms the runtime accepts", """
                        a: ${ secrets : SPACED }
                        b: ${secrets :BEFORE_COLON}
                        c: ${\tsecrets:\tTABS\t}
                        d: "${  secrets:QUOTED  }"
                        """, List.of("secrets:SPACED@1:4", "secrets:BEFORE_COLON@2:4", "secrets:TABS@3:4",
                        "secrets:QUOTED@4:5"), List.of()),
                Arguments.of("other stores and dashed keys", """
                        params:
                          s3_key: ${aws_secrets_manager:s3-key}
                          token: ${keyring:databricks-token}
                          k8s: ${kubernetes:my-secret}
                        """, List.of("aws_secrets_manager:s3-key@2:11", "keyring:databricks-token@3:10",
                        "kubernetes:my-secret@4:8"), List.of()),
                Arguments.of("comments are skipped", """
                        # openai_api_key: ${secrets:OLD_KEY}
                            # pg_pass: ${secrets:ALSO_OLD}
                        pg_pass: ${secrets:PG_PASS} # was ${secrets:IN_COMMENT}
                        note: "keep # ${secrets:IN_QUOTES}"
                        apostrophe: it's ${secrets:AFTER_APOSTROPHE} # ${secrets:GONE}
                        """, List.of("secrets:PG_PASS@3:10", "secrets:IN_QUOTES@4:15", "secrets:AFTER_APOSTROPHE@5:18"),
                        List.of()),
                Arguments.of("double colon from the docs", """
                        params:
                          openai_api_key: ${secrets::OPENAI_API_KEY}
                        """, List.of(), List.of("2:19|${secrets::OPENAI_API_KEY}|double colon")),
                Arguments.of("no store", """
                        params:
                          pg_pass: ${PG_PASS}
                        """, List.of(), List.of("2:12|${PG_PASS}|no store; write ${secrets:PG_PASS} or ${env:PG_PASS}")),
                Arguments.of("unterminated", """
                        params:
                          pg_pass: ${secrets:PG_PASS
                          pg_user: ${secrets:PG_USER}
                        """, List.of("secrets:PG_USER@3:12"), List.of("2:12|${secrets:PG_PASS|unterminated")),
                Arguments.of("key starting with an underscore", """
                        api_key: ${secrets:_internal_api_key}
                        """, List.of(), List.of("1:10|${secrets:_internal_api_key}|must start with a letter")),
                Arguments.of("other malformed forms", """
                        a: ${{ secrets.GH_TOKEN }}
                        b: ${secrets:}
                        c: ${:NAME}
                        d: ${ secrets my_secret }
                        e: ${secrets:my secret}
                        f: ${}
                        g: ${secrets:a:b}
                        h: ${secrets:api.key}
                        """, List.of(), List.of("1:4|${{ secrets.GH_TOKEN }|'${{' is not the spicepod syntax", "2:4|${secrets:}|no key after ':'",
                        "3:4|${:NAME}|no store before ':'", "4:4|${ secrets my_secret }|no ':' between store and key",
                        "5:4|${secrets:my secret}|the key must match", "6:4|${}|empty reference",
                        "7:4|${secrets:a:b}|more than one ':'", "8:4|${secrets:api.key}|the key must match")),
                Arguments.of("nested start resumes the scan", """
                        x: ${secrets:A ${secrets:B}
                        """, List.of("secrets:B@1:16"), List.of("1:4|${secrets:A |unterminated")),
                Arguments.of("CRLF and a byte-order mark", "\uFEFFa: ${secrets:ONE}\r\nb: ${secrets:TWO}\r\n",
                        List.of("secrets:ONE@1:4", "secrets:TWO@2:4"), List.of()),
                Arguments.of("not references at all", """
                        a: $HOME
                        b: $ {secrets:SPACE_AFTER_DOLLAR}
                        c: {secrets:NO_DOLLAR}
                        """, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void findsReferencesAndMalformedFormsWithLineAndColumn(String name, String spicepod, List<String> references,
                                                           List<String> malformed) {
        SpicepodReferences found = SpicepodReferences.scan(spicepod);
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
        assertThat(found.source()).isEqualTo("<string>");
    }

    @Test
    void secretNamesAreTheDistinctSecretsKeysInOrder() {
        SpicepodReferences found = SpicepodReferences.scan("""
                a: ${secrets:B}
                b: ${env:A}
                c: ${secrets:A}
                d: ${ secrets : B }
                """);
        assertThat(found.secretNames()).containsExactly("B", "A");
        assertThat(found.inStore("env")).singleElement().extracting(SpicepodReference::text).isEqualTo("${env:A}");
        assertThat(found).hasToString("SpicepodReferences[<string>: 4 references, 0 malformed]");
    }

    @Test
    void scanOfAFileNamesTheFileAndAMissingFileFails() throws Exception {
        Path spicepod = dir.resolve("spicepod.yaml");
        Files.writeString(spicepod, "params:\n  key: ${secrets:KEY}\n");
        assertThat(SpicepodReferences.scan(spicepod).source()).isEqualTo(spicepod.toString());
        assertThatThrownBy(() -> SpicepodReferences.scan(dir.resolve("absent.yaml")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("absent.yaml");
    }

    @Test
    void longMalformedTextIsShortened() {
        String text = "x: ${secrets:" + "A".repeat(200);
        MalformedReference malformed = SpicepodReferences.scan(text).malformed().get(0);
        assertThat(malformed.text()).hasSize(83).endsWith("...");
    }

    @Test
    void referenceRecordsCheckTheirParts() {
        assertThatThrownBy(() -> new SpicepodReference("secrets", "_x", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpicepodReference("secrets", "X", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MalformedReference("${", 1, 0, "r")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SpicepodReference("secrets", "X", 1, 1).text()).isEqualTo("${secrets:X}");
    }
}
