package ai.spice.secrets;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One HTTP attempt of an operation ended: sent to {@link SecretsListener#attemptCompleted(AttemptCompleted)}.
 *
 * @param call       what the operation is about
 * @param attempt    the attempt number, from 1 (a repeat with a refreshed OAuth token keeps its number)
 * @param statusCode the response status; empty if no response came (connection failure, timeout)
 * @param failure    the simple class name of the exception this attempt ended with; empty on success
 * @param duration   how long the attempt took, including obtaining the token
 * @param requestId  the {@code x-request-id} (or {@code x-vercel-id}) response header; empty if absent
 * @param retryDelay the wait before the next attempt; empty if no attempt follows
 */
public record AttemptCompleted(SecretsCall call, int attempt, OptionalInt statusCode, Optional<String> failure,
                               Duration duration, Optional<String> requestId, Optional<Duration> retryDelay) {

    /**
     * Checks that no component is null.
     *
     * @param call       what the operation is about
     * @param attempt    the attempt number
     * @param statusCode the response status, or empty
     * @param failure    the exception's simple class name, or empty
     * @param duration   how long the attempt took
     * @param requestId  the request id, or empty
     * @param retryDelay the wait before the next attempt, or empty
     */
    public AttemptCompleted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(retryDelay, "retryDelay");
    }

    /**
     * Whether another attempt follows this one.
     *
     * @return true if the operation goes on
     */
    public boolean willRetry() {
        return retryDelay.isPresent();
    }
}
