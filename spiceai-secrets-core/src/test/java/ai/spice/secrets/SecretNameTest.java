package ai.spice.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.errors.InvalidSecretNameException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"DATABASE_URL", "AWS_ACCESS_KEY_ID", "_internal_api_key", "stripe_api_key_v2", "a", "_", "Z9"})
    void acceptsNamesOfTheDocumentedForm(String name) {
        assertThat(SecretName.isValid(name)).isTrue();
        assertThat(SecretName.requireValid(name)).isSameAs(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "123-invalid", "my-secret", "api.key", "9LIVES", "A B", "a/b", "..", "%41",
            "naïve", "ПАРОЛЬ", "A\u0000", "A\n", "key\u00e9", "١٢٣", "A+B", "A:B", "A$", "a\tb"})
    void rejectsNamesOutsideTheRuleQuotingNameAndRule(String name) {
        assertThat(SecretName.isValid(name)).isFalse();
        assertThatThrownBy(() -> SecretName.requireValid(name))
                .isInstanceOf(InvalidSecretNameException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid secret name \"")
                .hasMessageContaining(SecretName.RULE)
                .satisfies(e -> assertThat(((InvalidSecretNameException) e).name()).isEqualTo(name));
    }

    @org.junit.jupiter.api.Test
    void nullIsInvalidAndRequireValidNamesIt() {
        assertThat(SecretName.isValid(null)).isFalse();
        assertThatThrownBy(() -> SecretName.requireValid(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
    }

    @org.junit.jupiter.api.Test
    void aHugeNameIsQuotedShortenedAndControlCharactersEscaped() {
        String huge = "-".repeat(1_000_000);
        assertThatThrownBy(() -> SecretName.requireValid(huge))
                .hasMessageContaining("1000000 characters, first 64 shown")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertThatThrownBy(() -> SecretName.requireValid("A\u0000\n"))
                .hasMessageContaining("\"A\\u0000\\u000a\"");
    }
}
