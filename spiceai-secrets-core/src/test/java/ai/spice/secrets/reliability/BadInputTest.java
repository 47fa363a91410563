package ai.spice.secrets.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.spice.secrets.Figures;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.InvalidSecretNameException;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input, against the emulator. Every invalid name, app id and null is refused by every operation, sync and
 * async, before anything is sent (the emulator counts no request), with a short message that quotes the input safely.
 * Every value, however strange or large, is sent intact and read back intact.
 */
class BadInputTest {

    private static final String ONE_MB = "A".repeat(1 << 20);
    private static final int BODY_LIMIT = 8 << 20;

    private static SecretsEmulator emulator;
    private static SecretsClient client;
    private static long appId;

    @RegisterExtension
    static final Figures figures = Figures.summary(f -> String.format("bad input: %d hostile inputs tried in %d calls"
                    + " (every operation, sync and async), %d rejected before sending; %d values round-tripped intact"
                    + " (largest 5 MB)", f.get("inputs"), f.get("calls"), f.get("rejected"), f.get("round trips")));

    @BeforeAll
    static void start() {
        // Bodies past the service's 1 MiB limit, on purpose: this class checks that large values are encoded intact;
        // the limit itself is tested in the client and the emulator tests.
        emulator = SecretsEmulator.builder().requestBodyLimit(BODY_LIMIT).build();
        appId = emulator.createApp("bad-input");
        client = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(emulator.issueToken("secrets:write"))
                .maxRequestBytes(BODY_LIMIT)
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    static Stream<String> invalidNames() {
        return Stream.of(
                // the documentation's own examples of invalid names
                "123-invalid", "my-secret", "api.key", "",
                // spaces, dots, hyphens, slashes, path tricks
                " ", "A B", " A", "A ", ".", "..", "../A", "A/../B", "A/B", "/", "\\", "A-B", "-A", "1A", "9",
                // percent-encodings, which must not be decoded into something valid
                "%41", "A%20B", "%2e%2e", "A%2FB", "%00",
                // control characters and header injection
                "A\u0000", "\n", "A\r\nX-Injected: 1", "A\tB", "\u007f", "A\u001b[31m",
                // letters and digits outside ASCII
                "\u00e9", "\u00c4_KEY", "KEY_\u00df", "\u540d\u524d", "\u043a\u043b\u044e\u0447", "A\u0661", "\u0663",
                "\uff21\uff22\uff23", "A\u00b2", "\u216b", "\u0130", "K\u212a",
                // invisible and surrogate tricks
                "\ud83d\udd11", "A\u200b", "\u202eA", "A\ufeff", "\ud800", "A\udc00",
                // punctuation that means something to a shell, a template, SQL or a URL
                "$A", "A$", "${secrets:A}", "A;DROP", "A'B", "A\"B", "A?x=1", "A#frag", "A:B", "A@B", "A*", "*",
                "A+B", "A,B", "A=B",
                // a 1 MB name that breaks the rule at its end
                ONE_MB + "-");
    }

    /** Every operation that takes a name, called the sync and the async way. */
    private static final Map<String, Consumer<String>> NAMED_CALLS = namedCalls();

    private static Map<String, Consumer<String>> namedCalls() {
        Map<String, Consumer<String>> calls = new LinkedHashMap<>();
        calls.put("get", name -> client.get(appId, name));
        calls.put("find", name -> client.find(appId, name));
        calls.put("upsert(String)", name -> client.upsert(appId, name, "v"));
        calls.put("upsert(SecretValue)", name -> client.upsert(appId, name, SecretValue.of("v")));
        calls.put("delete", name -> client.delete(appId, name));
        calls.put("deleteIfExists", name -> client.deleteIfExists(appId, name));
        calls.put("async get", name -> client.async().get(appId, name));
        calls.put("async find", name -> client.async().find(appId, name));
        calls.put("async upsert(String)", name -> client.async().upsert(appId, name, "v"));
        calls.put("async upsert(SecretValue)", name -> client.async().upsert(appId, name, SecretValue.of("v")));
        calls.put("async delete", name -> client.async().delete(appId, name));
        calls.put("async deleteIfExists", name -> client.async().deleteIfExists(appId, name));
        return calls;
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("invalidNames")
    void everyOperationRefusesAnInvalidNameBeforeSending(String name) {
        int before = emulator.requestCount();
        NAMED_CALLS.forEach((call, operation) -> {
            Throwable thrown = catchThrowable(() -> operation.accept(name));
            assertThat(thrown).as(call).isInstanceOfSatisfying(InvalidSecretNameException.class, e -> {
                assertThat(e.name()).isSameAs(name);
                assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\n", "\r", "\u0000", "\u001b", "\u202e");
            });
            counted();
        });
        assertThat(emulator.requestCount()).as("nothing sent").isEqualTo(before);
        figures.add("inputs", 1);
    }

    static Stream<Long> invalidAppIds() {
        return Stream.of(0L, -1L, -42L, (long) Integer.MIN_VALUE, Long.MIN_VALUE, -Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAppIds")
    void everyOperationRefusesAnAppIdThatIsNotPositiveBeforeSending(long badAppId) {
        int before = emulator.requestCount();
        List<Consumer<Long>> operations = List.of(
                id -> client.list(id), id -> client.get(id, "A"), id -> client.find(id, "A"),
                id -> client.upsert(id, "A", "v"), id -> client.upsert(id, "A", SecretValue.of("v")),
                id -> client.delete(id, "A"), id -> client.deleteIfExists(id, "A"),
                id -> client.async().list(id), id -> client.async().get(id, "A"), id -> client.async().find(id, "A"),
                id -> client.async().upsert(id, "A", "v"), id -> client.async().upsert(id, "A", SecretValue.of("v")),
                id -> client.async().delete(id, "A"), id -> client.async().deleteIfExists(id, "A"));
        for (Consumer<Long> operation : operations) {
            assertThat(catchThrowable(() -> operation.accept(badAppId))).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("appId must be positive, was " + badAppId);
            counted();
        }
        assertThat(emulator.requestCount()).as("nothing sent").isEqualTo(before);
        figures.add("inputs", 1);
    }

    static Stream<Arguments> nulls() {
        return Stream.of(
                nul("get name", "name", () -> client.get(appId, null)),
                nul("find name", "name", () -> client.find(appId, null)),
                nul("upsert(String) name", "name", () -> client.upsert(appId, null, "v")),
                nul("upsert(String) value", "value", () -> client.upsert(appId, "A", (String) null)),
                nul("upsert(SecretValue) name", "name", () -> client.upsert(appId, null, SecretValue.of("v"))),
                nul("upsert(SecretValue) value", "value", () -> client.upsert(appId, "A", (SecretValue) null)),
                nul("delete name", "name", () -> client.delete(appId, null)),
                nul("deleteIfExists name", "name", () -> client.deleteIfExists(appId, null)),
                nul("async get name", "name", () -> client.async().get(appId, null)),
                nul("async find name", "name", () -> client.async().find(appId, null)),
                nul("async upsert(String) name", "name", () -> client.async().upsert(appId, null, "v")),
                nul("async upsert(String) value", "value", () -> client.async().upsert(appId, "A", (String) null)),
                nul("async upsert(SecretValue) name", "name", () -> client.async().upsert(appId, null, SecretValue.of("v"))),
                nul("async upsert(SecretValue) value", "value", () -> client.async().upsert(appId, "A", (SecretValue) null)),
                nul("async delete name", "name", () -> client.async().delete(appId, null)),
                nul("async deleteIfExists name", "name", () -> client.async().deleteIfExists(appId, null)),
                nul("SecretValue.of(String)", "plaintext", () -> SecretValue.of((String) null)),
                nul("SecretValue.of(char[])", "plaintext", () -> SecretValue.of((char[]) null)));
    }

    private static Arguments nul(String what, String parameter, Runnable call) {
        return Arguments.of(what, parameter, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nulls")
    void everyNullIsRefusedNamingTheParameterBeforeSending(String what, String parameter, Runnable call) {
        int before = emulator.requestCount();
        assertThat(catchThrowable(call::run)).isExactlyInstanceOf(NullPointerException.class).hasMessage(parameter);
        assertThat(emulator.requestCount()).as("nothing sent").isEqualTo(before);
        counted();
        figures.add("inputs", 1);
    }

    static Stream<Arguments> hostileValues() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        return Stream.of(
                value("quotes", "\"double\" and 'single'"),
                value("backslashes", "C:\\path\\to\\file \\\" \\u0041 \\n"),
                value("newlines", "line one\nline two\r\nline three\r"),
                value("NUL", "before\u0000after"),
                value("every C0 control and DEL", controls + "\u007f"),
                value("emoji", "\ud83d\udd11 key \ud83d\udc69\u200d\ud83d\udcbb \ud83c\uddeb\ud83c\uddf7"),
                value("lone high surrogate", "a\ud800b"),
                value("lone low surrogate", "\udc00"),
                value("reversed surrogate pair", "\udc00\ud800"),
                value("noncharacters and BOM", "\ufeff\ufffe\uffff"),
                value("line and paragraph separators", "a\u2028b\u2029c"),
                value("right-to-left override", "\u202egnp.exe"),
                value("combining marks", "e\u0301 a\u0308 \u0e01\u0e34\u0e4a"),
                value("astral CJK", "\ud840\udc0b\ud869\ude9c"),
                value("JSON", "{\"name\":\"OTHER\",\"value\":\"x\"}"),
                value("HTML", "</script><script>alert(1)</script>"),
                value("SQL", "' OR 1=1; DROP TABLE secrets; --"),
                value("spicepod reference", "${secrets:OTHER} ${env:HOME}"),
                value("format specifiers", "%s %n %x %1$s {} {0}"),
                value("percent-encoding", "%41%2F%00"),
                value("the mask itself", "**********"),
                value("empty", ""),
                value("blank", "   \t "),
                value("one character", "x"),
                value("1 MB of three-byte characters", "\u4e2d".repeat(1 << 20)),
                value("5 MB", "0123456789abcdef".repeat(5 << 16)));
    }

    private static Arguments value(String what, String value) {
        return Arguments.of(what, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void aValueIsSentIntactAndReadBackIntact(String what, String value) throws Exception {
        String name = "V" + Integer.toHexString(what.hashCode()).toUpperCase(java.util.Locale.ROOT);
        client.upsert(appId, name + "_SYNC", value);
        assertThat(emulator.storedValue(appId, name + "_SYNC")).as("sync upsert(String)").hasValueSatisfying(
                stored -> assertThat(stored.equals(value)).as("identical").isTrue());
        client.async().upsert(appId, name + "_ASYNC", SecretValue.of(value.toCharArray())).get();
        assertThat(emulator.storedValue(appId, name + "_ASYNC")).as("async upsert(SecretValue)").hasValueSatisfying(
                stored -> assertThat(stored.equals(value)).as("identical").isTrue());
        assertThat(client.get(appId, name + "_SYNC").maskedValue()).matches("\\*+");
        figures.add("round trips", 2);
    }

    @Test
    void unusualButValidNamesAreAcceptedAndKeptApart() {
        List<String> names = List.of("_", "__", "_1", "a", "A", "Z9", "key", "KEY", "Key", "camelCase_Mixed_123",
                "A".repeat(1_000), ONE_MB);
        for (String name : names) {
            client.upsert(appId, name, "value of " + name.length() + " " + name.substring(0, Math.min(name.length(), 10)));
        }
        for (String name : names) {
            assertThat(emulator.storedValue(appId, name))
                    .contains("value of " + name.length() + " " + name.substring(0, Math.min(name.length(), 10)));
        }
        assertThat(client.find(appId, "key")).isPresent();
        assertThat(client.find(appId, "kEY")).as("names are case-sensitive").isEmpty();
        figures.add("round trips", names.size());
    }

    private static void counted() {
        figures.add("calls", 1);
        figures.add("rejected", 1);
    }
}
