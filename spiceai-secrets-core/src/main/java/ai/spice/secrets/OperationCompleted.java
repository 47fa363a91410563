package ai.spice.secrets;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An operation ended, after all its attempts: sent to {@link SecretsListener#operationCompleted(OperationCompleted)}.
 * A {@code find} or {@code deleteIfExists} answered by a 404 ends with the failure {@code NotFoundException}, since
 * events describe the HTTP operation.
 *
 * @param call       what the operation is about
 * @param attempts   how many HTTP attempts were made
 * @param statusCode the last response status; empty if the last attempt got no response
 * @param failure    the simple class name of the exception the operation failed with; empty on success
 * @param duration   how long the whole operation took, waits between attempts included
 * @param requestId  the last response's request id; empty if absent
 */
public record OperationCompleted(SecretsCall call, int attempts, OptionalInt statusCode, Optional<String> failure,
                                 Duration duration, Optional<String> requestId) {

    /**
     * Checks that no component is null.
     *
     * @param call       what the operation is about
     * @param attempts   how many attempts were made
     * @param statusCode the last status, or empty
     * @param failure    the exception's simple class name, or empty
     * @param duration   how long the operation took
     * @param requestId  the request id, or empty
     */
    public OperationCompleted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(requestId, "requestId");
    }

    /**
     * Whether the operation succeeded.
     *
     * @return true if it ended without a failure
     */
    public boolean isSuccess() {
        return failure.isEmpty();
    }
}
