package ai.spice.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretValueTest {

    @Test
    void toStringIsRedactedWhateverTheValue() {
        assertThat(SecretValue.of("hunter2").toString()).isEqualTo("SecretValue[**********]").doesNotContain("hunter2");
        assertThat(SecretValue.of("").toString()).isEqualTo(SecretValue.of("x".repeat(100)).toString());
    }

    @Test
    void revealGivesThePlaintextBack() {
        assertThat(SecretValue.of("p@ss \"w\\ord\"\n\u0000😀").reveal()).isEqualTo("p@ss \"w\\ord\"\n\u0000😀");
    }

    @Test
    void charArrayIsCopiedSoTheCallerMayClearIt() {
        char[] typed = {'s', 'e', 'c'};
        SecretValue value = SecretValue.of(typed);
        java.util.Arrays.fill(typed, '\0');
        assertThat(value.reveal()).isEqualTo("sec");
    }

    @Test
    void equalsComparesValuesAndHashCodeRevealsOnlyLength() {
        assertThat(SecretValue.of("abc")).isEqualTo(SecretValue.of(new char[] {'a', 'b', 'c'}));
        assertThat(SecretValue.of("abc")).isNotEqualTo(SecretValue.of("abd")).isNotEqualTo(SecretValue.of("abc\0"));
        assertThat(SecretValue.of("\ud800")).isNotEqualTo(SecretValue.of("\udbff"));
        assertThat(SecretValue.of("abc").hashCode()).isEqualTo(SecretValue.of("xyz").hashCode());
        assertThat(SecretValue.of("abc").length()).isEqualTo(3);
    }

    @Test
    void nullIsRefusedByName() {
        assertThatThrownBy(() -> SecretValue.of((String) null)).isInstanceOf(NullPointerException.class).hasMessage("plaintext");
        assertThatThrownBy(() -> SecretValue.of((char[]) null)).isInstanceOf(NullPointerException.class).hasMessage("plaintext");
    }
}
