package ai.spice.secrets;

import java.time.Instant;
import java.util.Objects;

/**
 * An operation was called: sent to {@link SecretsListener#operationStarted(OperationStarted)}.
 *
 * @param call what the operation is about
 * @param at   when it started
 */
public record OperationStarted(SecretsCall call, Instant at) {

    /**
     * Checks that no component is null.
     *
     * @param call what the operation is about
     * @param at   when it started
     */
    public OperationStarted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(at, "at");
    }
}
