package ai.spice.secrets;

import java.util.Objects;
import java.util.Optional;

/**
 * What an operation is about, as listeners see it: the operation, the app and the secret's name. Never a value.
 *
 * @param operation  the operation
 * @param appId      the app's id
 * @param secretName the secret's name; empty for {@link SecretsOperation#LIST}
 */
public record SecretsCall(SecretsOperation operation, long appId, Optional<String> secretName) {

    /**
     * Checks that no component is null.
     *
     * @param operation  the operation
     * @param appId      the app's id
     * @param secretName the secret's name, or empty
     */
    public SecretsCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(secretName, "secretName");
    }
}
