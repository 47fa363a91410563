package ai.spice.secrets;

import ai.spice.secrets.errors.InvalidSecretNameException;
import ai.spice.secrets.internal.names.NameRule;

/**
 * The rule for secret names: {@code ^[a-zA-Z_][a-zA-Z0-9_]*$}, ASCII only, case-sensitive, with no documented length
 * limit. Valid: {@code DATABASE_URL}, {@code _internal_api_key}. Invalid: {@code my-secret}, {@code api.key},
 * {@code 123-invalid}, the empty string.
 *
 * <p>Every client operation applies this rule before sending anything. Thread-safe (stateless).
 */
public final class SecretName {

    /** The rule, as quoted in error messages. */
    public static final String RULE = "^[a-zA-Z_][a-zA-Z0-9_]*$";

    private SecretName() {
    }

    /**
     * Tells whether a name follows the rule.
     *
     * @param name the name to check; null is not valid
     * @return true if {@code name} is a valid secret name
     */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || !NameRule.isStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!NameRule.isPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the name if it follows the rule.
     *
     * @param name the name to check
     * @return {@code name}
     * @throws NullPointerException        if {@code name} is null
     * @throws InvalidSecretNameException if {@code name} does not follow the rule; the message quotes the name and
     *                                     the rule
     */
    public static String requireValid(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        if (!isValid(name)) {
            throw new InvalidSecretNameException(name);
        }
        return name;
    }

}
