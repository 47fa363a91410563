package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.errors.SpicepodException;
import ai.spice.secrets.internal.spicepod.RuntimeLexerCases;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of the runtime lexer's own test inputs placed in a spicepod parameter as a plain, a single-quoted, a
 * double-quoted and a block scalar: the references found are the runtime's, at the file positions its spans give.
 */
class SpicepodRuntimeCasesTest {

    private static final String HEAD = "datasets:\n  - from: postgres:t\n    name: t\n    params:\n";

    /** How a value is written, and where its first character lands: line 5 or 6, a 1-based column. */
    enum Form {
        PLAIN(5, 10), SINGLE_QUOTED(5, 11), DOUBLE_QUOTED(5, 11), BLOCK(6, 9);

        final int line;
        final int column;

        Form(int line, int column) {
            this.line = line;
            this.column = column;
        }

        String spicepod(String value) {
            return HEAD + switch (this) {
                case PLAIN -> "      v: " + value + "\n";
                case SINGLE_QUOTED -> "      v: '" + value + "'\n";
                case DOUBLE_QUOTED -> "      v: \"" + value + "\"\n";
                case BLOCK -> "      v: |-\n        " + value + "\n";
            };
        }
    }

    static Stream<Arguments> placements() {
        return RuntimeLexerCases.all().stream()
                .flatMap(runtimeCase -> Stream.of(Form.values()).map(form -> Arguments.of(runtimeCase, form)));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("placements")
    void aSpicepodValueGivesTheRuntimesReferences(RuntimeLexerCases.Case runtimeCase, Form form) {
        String spicepod = form.spicepod(runtimeCase.input());
        if (form == Form.PLAIN && runtimeCase.input().contains(": ")) {
            // YAML forbids ": " in a plain scalar: the runtime's YAML parser refuses such a spicepod too
            assertThatThrownBy(() -> SpicepodReferences.parse(spicepod))
                    .isInstanceOfSatisfying(SpicepodException.class,
                            e -> assertThat(e.line()).isEqualTo(OptionalInt.of(form.line)));
            return;
        }
        SpicepodReferences found = SpicepodReferences.parse(spicepod);
        List<String> expected = runtimeCase.matches().stream().map(m -> m.store() + ":" + m.key() + "@" + form.line
                + ":" + (form.column + m.start())).toList();
        assertThat(found.references()).map(r -> r.store() + ":" + r.key() + "@" + r.line() + ":" + r.column())
                .containsExactlyElementsOf(expected);
        assertThat(found.references()).allSatisfy(r -> assertThat(r.path()).isEqualTo("datasets[0].params.v"));
        if (runtimeCase.input().contains("${") && runtimeCase.matches().isEmpty()) {
            assertThat(found.malformed()).as("the runtime substitutes nothing; each '${' is explained").isNotEmpty();
        }
    }
}
