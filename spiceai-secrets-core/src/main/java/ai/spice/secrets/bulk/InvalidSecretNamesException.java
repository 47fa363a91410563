package ai.spice.secrets.bulk;

import ai.spice.secrets.SecretName;
import ai.spice.secrets.internal.text.QuotedName;
import java.util.List;

/**
 * Some names of a bulk operation break the rule {@code ^[a-zA-Z_][a-zA-Z0-9_]*$}. Thrown before any request is sent,
 * listing every invalid name at once, so that one run shows everything to fix. A caller mistake, so an
 * {@link IllegalArgumentException}, not a {@link ai.spice.secrets.errors.SpiceException}.
 */
public class InvalidSecretNamesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LISTED = 20;

    /** The invalid names, as given, in the order of the input. */
    private final List<String> names;

    /**
     * Creates an exception whose message quotes each name (escaped, each shortened past 64 characters, the first 20
     * listed) and the rule.
     *
     * @param names the invalid names, at least one
     * @throws NullPointerException     if {@code names} or one of them is null
     * @throws IllegalArgumentException if {@code names} is empty
     */
    public InvalidSecretNamesException(List<String> names) {
        super(message(List.copyOf(names)));
        this.names = List.copyOf(names);
    }

    /**
     * The invalid names, exactly as given.
     *
     * @return the names, in the order of the input
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
        StringBuilder message = new StringBuilder().append(names.size())
                .append(names.size() == 1 ? " invalid secret name: " : " invalid secret names: ");
        for (int i = 0; i < Math.min(names.size(), MAX_LISTED); i++) {
            message.append(i == 0 ? "" : ", ").append(QuotedName.of(names.get(i)));
        }
        if (names.size() > MAX_LISTED) {
            message.append(" and ").append(names.size() - MAX_LISTED).append(" more");
        }
        return message.append("; names must match ").append(SecretName.RULE).append(" (nothing was sent)").toString();
    }
}
