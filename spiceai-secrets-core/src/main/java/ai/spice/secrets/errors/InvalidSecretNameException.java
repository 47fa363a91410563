package ai.spice.secrets.errors;

import ai.spice.secrets.SecretName;
import ai.spice.secrets.internal.names.QuotedName;
import ai.spice.secrets.internal.names.ShortList;
import java.util.List;

/**
 * One or more secret names that do not follow the rule {@code ^[a-zA-Z_][a-zA-Z0-9_]*$}. A caller mistake, thrown
 * before any request is sent; so it is an {@link IllegalArgumentException}, not a {@link SpiceException}. A single
 * operation reports its one name; a bulk operation or a {@code .env} file reports every invalid name at once, so that
 * one run shows everything to fix.
 */
public class InvalidSecretNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 2L;

    /** The invalid names, as given, in the order of the input. */
    private final List<String> names;

    /**
     * Creates an exception for one name; the message quotes it (escaped, and shortened past 64 characters) and the
     * rule.
     *
     * @param name the invalid name
     * @throws NullPointerException if {@code name} is null
     */
    public InvalidSecretNameException(String name) {
        super("invalid secret name " + QuotedName.of(name) + ": names must match " + SecretName.RULE);
        this.names = List.of(name);
    }

    /**
     * Creates an exception for the invalid names of a bulk input; the message counts them and quotes the first 20
     * (each escaped and shortened past 64 characters) and the rule.
     *
     * @param names the invalid names, at least one, in the order of the input
     * @throws NullPointerException     if {@code names} or one of them is null
     * @throws IllegalArgumentException if {@code names} is empty
     */
    public InvalidSecretNameException(List<String> names) {
        super(message(List.copyOf(names)));
        this.names = List.copyOf(names);
    }

    /**
     * The invalid name, or the first of them.
     *
     * @return the name, exactly as given
     */
    public String name() {
        return names.get(0);
    }

    /**
     * Every invalid name, exactly as given.
     *
     * @return the names, in the order of the input; one for a single operation
     */
    public List<String> names() {
        return names;
    }

    /**
     * The rule the names break.
     *
     * @return {@link SecretName#RULE}
     */
    public String rule() {
        return SecretName.RULE;
    }

    private static String message(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names must not be empty");
        }
        return names.size() + (names.size() == 1 ? " invalid secret name: " : " invalid secret names: ")
                + ShortList.join(names.stream().map(QuotedName::of).toList())
                + "; names must match " + SecretName.RULE + " (nothing was sent)";
    }
}
