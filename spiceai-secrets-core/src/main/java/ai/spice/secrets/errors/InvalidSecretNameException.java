package ai.spice.secrets.errors;

import ai.spice.secrets.internal.text.QuotedName;

/**
 * A secret name that does not follow the rule {@code ^[a-zA-Z_][a-zA-Z0-9_]*$}. A caller mistake, thrown before
 * any request is sent; so it is an {@link IllegalArgumentException}, not a {@link SpiceException}.
 */
public class InvalidSecretNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

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
        super("invalid secret name " + QuotedName.of(name) + ": names must match " + rule);
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
}
