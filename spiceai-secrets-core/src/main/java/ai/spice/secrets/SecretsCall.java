package ai.spice.secrets;

import java.util.Objects;
import java.util.Optional;

/**
 * What an operation is about, as listeners see it: the operation, the app and the secret's name. Never a value.
 *
 * @param operation   the operation
 * @param appId       the app's id
 * @param secretName  the secret's name; empty for {@link SecretsOperation#LIST}
 * @param operationId a number unique to this operation within the JVM, the same in all of its events: the key to
 *                    correlate a start, its attempts and its end (a span, a timer sample)
 */
public record SecretsCall(SecretsOperation operation, long appId, Optional<String> secretName, long operationId) {

    /**
     * Checks that no component is null.
     *
     * @param operation   the operation
     * @param appId       the app's id
     * @param secretName  the secret's name, or empty
     * @param operationId the operation's number
     */
    public SecretsCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(secretName, "secretName");
    }
}
