package ai.spice.secrets.internal.spicepod;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.internal.spicepod.SecretLexer.Cause;
import ai.spice.secrets.internal.spicepod.SecretLexer.Match;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The port of the runtime's matcher: its own test cases, then the behaviours they imply, as tables. */
class SecretLexerTest {

    static Stream<RuntimeLexerCases.Case> runtimeCases() {
        return RuntimeLexerCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimeCases")
    void matchesWhatTheRuntimesOwnTestsExpect(RuntimeLexerCases.Case runtimeCase) {
        assertThat(SecretLexer.scan(runtimeCase.input()).matches())
                .map(m -> new RuntimeLexerCases.Expected(m.store(), m.key(), m.start(), m.end()))
                .containsExactlyElementsOf(runtimeCase.matches());
    }

    @Test
    void theRuntimeCasesAreAllThere() {
        assertThat(RuntimeLexerCases.all()).hasSize(14).extracting(RuntimeLexerCases.Case::test).containsOnly(
                "test_secret_lexer_basic", "test_secret_lexer_whitespace_variations",
                "test_secret_lexer_multiple_matches", "test_secret_lexer_invalid_formats",
                "test_secret_lexer_no_matches", "test_mysql_connection_string");
    }

    /** value, the matches as store:key@start-end, the misses as start:cause. */
    static Stream<Arguments> behaviours() {
        return Stream.of(
                Arguments.of("${secrets:A}", List.of("secrets:A@0-12"), List.of()),
                Arguments.of("${\nsecrets\f:\tA\n}", List.of("secrets:A@0-16"), List.of()),
                // a carriage return is not among the skipped blanks: an error token, which ends the search
                Arguments.of("${secrets:A\r} ${secrets:B}", List.of(), List.of("0:STOPS_SEARCH", "14:NOT_SEARCHED")),
                Arguments.of("${secrets:api.key} ${secrets:B}", List.of(), List.of("0:STOPS_SEARCH", "19:NOT_SEARCHED")),
                Arguments.of("${secrets:_key} ${secrets:B}", List.of(), List.of("0:STOPS_SEARCH", "16:NOT_SEARCHED")),
                Arguments.of("${{ secrets:A }} ${secrets:B}", List.of(), List.of("0:STOPS_SEARCH", "17:NOT_SEARCHED")),
                Arguments.of("${secrets:A} ${{x}} ${secrets:B}", List.of("secrets:A@0-12"),
                        List.of("13:STOPS_SEARCH", "20:NOT_SEARCHED")),
                // an out-of-order token abandons the attempt; reading goes on after it
                Arguments.of("${secrets::A} ${secrets:B}", List.of("secrets:B@14-26"), List.of("0:NOT_A_REFERENCE")),
                Arguments.of("${secrets:my secret} ${secrets:B}", List.of("secrets:B@21-33"),
                        List.of("0:NOT_A_REFERENCE")),
                // ...and the token consumed, so a reference right behind the bad one is lost
                Arguments.of("${secrets:A ${secrets:B}", List.of(), List.of("0:NOT_A_REFERENCE", "12:SWALLOWED")),
                Arguments.of("${${secrets:B}", List.of(), List.of("0:NOT_A_REFERENCE", "2:SWALLOWED")),
                Arguments.of("${secrets:A", List.of(), List.of("0:UNTERMINATED")),
                Arguments.of("x ${", List.of(), List.of("2:UNTERMINATED")),
                Arguments.of("${}", List.of(), List.of("0:NOT_A_REFERENCE")),
                // a lone '$' is one error token outside a reference, skipped like any other
                Arguments.of("$${secrets:A}", List.of("secrets:A@1-13"), List.of()),
                Arguments.of("$ {secrets:A}", List.of(), List.of()),
                Arguments.of("é ${secrets:A}-x", List.of("secrets:A@2-14"), List.of()),
                Arguments.of("${s-1:k_2-x}", List.of("s-1:k_2-x@0-12"), List.of()),
                Arguments.of("no reference", List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("behaviours")
    void followsTheRuntimesTokenRules(String value, List<String> matches, List<String> misses) {
        SecretLexer.Result result = SecretLexer.scan(value);
        assertThat(result.matches()).map(m -> m.store() + ":" + m.key() + "@" + m.start() + "-" + m.end())
                .containsExactlyElementsOf(matches);
        assertThat(result.misses()).map(m -> m.start() + ":" + m.cause()).containsExactlyElementsOf(misses);
    }

    @Test
    void stopsOnceTheBudgetIsSpent() {
        String value = "${a:b}".repeat(1000);
        SecretLexer.Result result = SecretLexer.scan(value, 10);
        assertThat(result.matches()).hasSize(11).first().isEqualTo(new Match("a", "b", 0, 6));
        assertThat(SecretLexer.scan("${x ".repeat(100) + "${a:_", 5).misses()).hasSize(6)
                .allMatch(miss -> miss.cause() == Cause.NOT_A_REFERENCE || miss.cause() == Cause.SWALLOWED);
    }

    @Test
    void identifiersStartWithALetter() {
        assertThat(SecretLexer.isIdentifier("secrets")).isTrue();
        assertThat(SecretLexer.isIdentifier("s3-key_2")).isTrue();
        assertThat(SecretLexer.isIdentifier("_x")).isFalse();
        assertThat(SecretLexer.isIdentifier("1x")).isFalse();
        assertThat(SecretLexer.isIdentifier("")).isFalse();
        assertThat(SecretLexer.isIdentifier("a.b")).isFalse();
    }
}
