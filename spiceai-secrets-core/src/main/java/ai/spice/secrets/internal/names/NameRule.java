package ai.spice.secrets.internal.names;

/**
 * The characters of the secret-name rule {@code ^[a-zA-Z_][a-zA-Z0-9_]*$}, in one place for {@code SecretName} and
 * the {@code .env} parser (which needs them one character at a time to say where a key goes wrong). Public only for
 * the SDK's other packages; not exported.
 */
public final class NameRule {

    private NameRule() {
    }

    /**
     * Whether a name may start with this character.
     *
     * @param c the character
     * @return true for an ASCII letter or {@code _}
     */
    public static boolean isStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    /**
     * Whether this character may follow the first.
     *
     * @param c the character
     * @return true for an ASCII letter, digit or {@code _}
     */
    public static boolean isPart(char c) {
        return isStart(c) || (c >= '0' && c <= '9');
    }
}
