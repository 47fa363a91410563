package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.errors.DotEnvException;
import ai.spice.secrets.errors.InvalidSecretNameException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DotEnvTest {

    /** Appears as a value in every malformed case: it must never reach a message. */
    private static final String CANARY = "s3cr3tCANARY";

    @TempDir
    Path dir;

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("simple", "KEY=value", Map.of("KEY", "value")),
                Arguments.of("empty value", "KEY=", Map.of("KEY", "")),
                Arguments.of("empty value then comment", "KEY= # nothing yet", Map.of("KEY", "")),
                Arguments.of("blanks around =", "KEY \t=  value", Map.of("KEY", "value")),
                Arguments.of("indented key", "   KEY=value", Map.of("KEY", "value")),
                Arguments.of("trailing blanks dropped", "KEY=value   \t", Map.of("KEY", "value")),
                Arguments.of("inner blanks kept", "KEY=two words here", Map.of("KEY", "two words here")),
                Arguments.of("full-line comment", "# a comment\nKEY=v", Map.of("KEY", "v")),
                Arguments.of("indented comment", "   # KEY=nope\nKEY=v", Map.of("KEY", "v")),
                Arguments.of("comment after unquoted value", "KEY=value # note", Map.of("KEY", "value")),
                Arguments.of("hash without blank is data", "KEY=pa#ss", Map.of("KEY", "pa#ss")),
                Arguments.of("hash first is data", "KEY=#abc", Map.of("KEY", "#abc")),
                Arguments.of("blank lines", "\n\nA=1\n\n\nB=2\n\n", Map.of("A", "1", "B", "2")),
                Arguments.of("export prefix", "export KEY=value", Map.of("KEY", "value")),
                Arguments.of("export prefix with tab", "export\tKEY=value", Map.of("KEY", "value")),
                Arguments.of("key named export", "export=1", Map.of("export", "1")),
                Arguments.of("key named exported", "exported=1", Map.of("exported", "1")),
                Arguments.of("single quotes are literal", "KEY='a \\n $HOME \"x\"'", Map.of("KEY", "a \\n $HOME \"x\"")),
                Arguments.of("single quotes keep hash", "KEY='a # b' # c", Map.of("KEY", "a # b")),
                Arguments.of("double quote escapes", "KEY=\"a\\nb\\tc\\\"d\\\\e\\rf\\$g\"",
                        Map.of("KEY", "a\nb\tc\"d\\e\rf$g")),
                Arguments.of("unknown escape kept", "KEY=\"C:\\Users\\x\"", Map.of("KEY", "C:\\Users\\x")),
                Arguments.of("double quotes keep hash and blanks", "KEY=\"  a # b  \" # c", Map.of("KEY", "  a # b  ")),
                Arguments.of("multi-line double quotes", "KEY=\"line1\nline2\n\"\nNEXT=n",
                        Map.of("KEY", "line1\nline2\n", "NEXT", "n")),
                Arguments.of("multi-line with CRLF", "KEY=\"l1\r\nl2\"\r\nB=2\r\n", Map.of("KEY", "l1\nl2", "B", "2")),
                Arguments.of("CRLF endings", "A=1\r\nB=2\r\n", Map.of("A", "1", "B", "2")),
                Arguments.of("lone CR endings", "A=1\rB=2", Map.of("A", "1", "B", "2")),
                Arguments.of("byte-order mark", "\uFEFFA=1", Map.of("A", "1")),
                Arguments.of("empty quoted values", "A=\"\"\nB=''", Map.of("A", "", "B", "")),
                Arguments.of("no interpolation", "A=${B}", Map.of("A", "${B}")),
                Arguments.of("equals in value", "URL=postgres://u:p@h/db?a=b", Map.of("URL", "postgres://u:p@h/db?a=b")),
                Arguments.of("quote inside unquoted", "A=it's", Map.of("A", "it's")),
                Arguments.of("duplicate: last wins", "A=1\nB=2\nA=3", Map.of("A", "3", "B", "2")),
                Arguments.of("underscore key", "_internal_api_key=x", Map.of("_internal_api_key", "x")),
                Arguments.of("no final newline", "A=1", Map.of("A", "1")),
                Arguments.of("empty text", "", Map.of()),
                Arguments.of("unicode value", "A=\"héllo wörld ✓\"", Map.of("A", "héllo wörld ✓")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void parsesWellFormedText(String name, String text, Map<String, String> expected) {
        assertThat(reveal(DotEnv.parse(text))).isEqualTo(expected);
    }

    static Stream<Arguments> malformed() {
        String v = CANARY;
        return Stream.of(
                Arguments.of("no =", v, 1, 13, "expected '='"),
                Arguments.of("no = after key", "KEY " + v, 1, 5, "expected '='"),
                Arguments.of("key alone on line 3", "A=1\n# c\nKEY", 3, 4, "expected '='"),
                Arguments.of("key starts with digit", "1KEY=" + v, 1, 1, "expected a key"),
                Arguments.of("no key", "=" + v, 1, 1, "expected a key"),
                Arguments.of("dash in key", "MY-KEY=" + v, 1, 3, "invalid character in the key"),
                Arguments.of("dot in key", "  api.key=" + v, 1, 6, "invalid character in the key"),
                Arguments.of("unterminated double quote", "A=1\nKEY=\"" + v + "\nB=2", 2, 5, "unterminated double-quoted value of KEY"),
                Arguments.of("unterminated single quote", "KEY='" + v, 1, 5, "unterminated single-quoted value of KEY"),
                Arguments.of("single quote across lines", "KEY='" + v + "\nrest'", 1, 5, "unterminated single-quoted"),
                Arguments.of("garbage after double quote", "KEY=\"" + v + "\"" + v, 1, 19, "after the closing quote of KEY"),
                Arguments.of("garbage after single quote", "\n\n  KEY = '" + v + "' x", 3, 24, "after the closing quote of KEY"),
                Arguments.of("trailing backslash", "KEY=\"" + v + "\\", 1, 5, "unterminated double-quoted"),
                Arguments.of("CRLF line count", "A=1\r\nB=2\r\n" + v + "\r\n", 3, 13, "expected '='"),
                Arguments.of("BOM does not shift columns", "\uFEFFKEY " + v, 1, 5, "expected '='"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void reportsMalformedLinesWithLineAndColumnButNeverTheValue(String name, String text, int line, int column,
                                                                String reason) {
        DotEnvException error = catchThrowableOfType(DotEnvException.class, () -> DotEnv.parse(text));
        assertThat(error).as("parse of %s", name).isNotNull();
        assertThat(error.source()).isEqualTo("<string>");
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.column()).isEqualTo(column);
        assertThat(error.reason()).contains(reason);
        assertThat(error.getMessage()).startsWith("<string>, line " + line + ", column " + column + ": ")
                .doesNotContain(CANARY).doesNotContain("s3cr3t");
        assertThat(error).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readNamesTheFileInErrors() throws Exception {
        Path file = dir.resolve("prod.env");
        Files.writeString(file, "OK=1\nBROKEN " + CANARY + "\n");
        assertThatThrownBy(() -> DotEnv.read(file))
                .isInstanceOf(DotEnvException.class)
                .hasMessage(file + ", line 2, column 8: expected '=' after the key");
    }

    @Test
    void readKeepsTheOrderOfTheFileAndIsUnmodifiable() throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "\uFEFFZ=1\r\nA=2\r\nM=\"x\r\ny\"\r\n", StandardCharsets.UTF_8);
        Map<String, SecretValue> secrets = DotEnv.read(file);
        assertThat(secrets.keySet()).containsExactly("Z", "A", "M");
        assertThat(secrets.get("M").reveal()).isEqualTo("x\ny");
        assertThatThrownBy(() -> secrets.put("B", SecretValue.of("b"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void duplicateKeyKeepsThePlaceOfItsFirstAppearance() {
        assertThat(DotEnv.parse("A=1\nB=2\nA=3").keySet()).containsExactly("A", "B");
    }

    static Stream<Map<String, String>> roundTrips() {
        Map<String, String> tricky = new LinkedHashMap<>();
        tricky.put("PLAIN", "abc-123_./:@%+,=~");
        tricky.put("EMPTY", "");
        tricky.put("BLANKS", "  two  words  ");
        tricky.put("HASH", "a #b");
        tricky.put("HASH_FIRST", "#x");
        tricky.put("QUOTES", "it's \"quoted\"");
        tricky.put("BACKSLASH", "C:\\Users\\n");
        tricky.put("DOLLAR", "${HOME} $x \\$");
        tricky.put("CONTROL", "a\nb\r\nc\td\u0001");
        tricky.put("UNICODE", "héllo ✓ \uFEFF");
        tricky.put("TRAILING_BACKSLASH", "end\\");
        return Stream.of(tricky, Map.of(), Map.of("ONLY", "\n"));
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void parseReadsBackWhatFormatWrites(Map<String, String> entries) {
        assertThat(reveal(DotEnv.parse(DotEnv.format(entries)))).isEqualTo(entries);
    }

    @Test
    void formatQuotesOnlyWhenNeeded() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("A", "plain");
        entries.put("B", "");
        entries.put("C", "has space");
        entries.put("D", "$HOME\n");
        assertThat(DotEnv.format(entries)).isEqualTo("A=plain\nB=\nC=\"has space\"\nD=\"\\$HOME\\n\"\n");
    }

    @Test
    void templateWritesEmptyValuesInOrder() {
        assertThat(DotEnv.template(List.of("OPENAI_API_KEY", "PG_PASS"))).isEqualTo("OPENAI_API_KEY=\nPG_PASS=\n");
    }

    @Test
    void formatRejectsEveryInvalidKeyAtOnce() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("my-key", "x");
        entries.put("OK", "y");
        entries.put("1bad", "z");
        assertThatThrownBy(() -> DotEnv.format(entries))
                .isInstanceOfSatisfying(InvalidSecretNameException.class,
                        e -> assertThat(e.names()).containsExactly("my-key", "1bad"));
    }

    @Test
    void writeToAFileCreatesItOwnerOnlyAndReadReadsItBack() throws Exception {
        Path file = dir.resolve("out.env");
        Map<String, SecretValue> secrets = new LinkedHashMap<>();
        secrets.put("DB_URL", SecretValue.of("postgres://u:p w@h/db"));
        secrets.put("TOKEN", SecretValue.of("t0k\"en"));
        DotEnv.write(secrets, file);
        assertThat(DotEnv.read(file)).isEqualTo(secrets);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        DotEnv.write(Map.of("ONLY", SecretValue.of("1")), file);
        assertThat(Files.readString(file)).isEqualTo("ONLY=1\n");
    }

    @Test
    void writeToAnAppendableRevealsTheValues() {
        StringWriter out = new StringWriter();
        DotEnv.write(Map.of("KEY", SecretValue.of("v 1")), out);
        assertThat(out).hasToString("KEY=\"v 1\"\n");
    }

    @Test
    void nullsAreRejectedByName() {
        Map<String, SecretValue> nullValue = new LinkedHashMap<>();
        nullValue.put("KEY", null);
        assertThatThrownBy(() -> DotEnv.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> DotEnv.read(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> DotEnv.write(nullValue, new StringWriter()))
                .isInstanceOf(NullPointerException.class).hasMessage("entries has a null value for KEY");
    }

    private static Map<String, String> reveal(Map<String, SecretValue> secrets) {
        return secrets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().reveal(),
                (a, b) -> b, LinkedHashMap::new));
    }
}
