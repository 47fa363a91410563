package ai.spice.secrets.errors;

/**
 * A secret name that does not follow the rule {@code ^[a-zA-Z_][a-zA-Z0-9_]*$}. A caller mistake, thrown before
 * any request is sent; so it is an {@link IllegalArgumentException}, not a {@link SpiceException}.
 */
public class InvalidSecretNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_QUOTED = 64;

    /** The invalid name, as given. */
    private final String name;
    /** The rule the name breaks. */
    private final String rule;

    /**
     * Creates an exception whose message quotes the name (escaped, and shortened past 64 characters) and the rule.
     *
     * @param name the invalid name
     * @param rule the rule it breaks
     */
    public InvalidSecretNameException(String name, String rule) {
        super("invalid secret name " + quote(name) + ": names must match " + rule);
        this.name = name;
        this.rule = rule;
    }

    /**
     * The invalid name, exactly as given.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The rule the name breaks.
     *
     * @return the rule, as a regular expression
     */
    public String rule() {
        return rule;
    }

    private static String quote(String name) {
        StringBuilder quoted = new StringBuilder("\"");
        int shown = Math.min(name.length(), MAX_QUOTED);
        for (int i = 0; i < shown; i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c))) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        quoted.append('"');
        if (name.length() > MAX_QUOTED) {
            quoted.append(" (").append(name.length()).append(" characters, first ").append(MAX_QUOTED).append(" shown)");
        }
        return quoted.toString();
    }
}
