package ai.spice.secrets.internal.retry;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.errors.SpiceIoException;
import ai.spice.secrets.errors.SpiceServiceException;
import ai.spice.secrets.internal.http.ResponseTooLargeException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Whether, and after how long, a failed attempt is tried again. Pure, so it is tested as a table. */
public final class RetryRules {

    public static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private RetryRules() {
    }

    /** The delay before the next attempt, or empty to stop and throw {@code failure}. */
    public static Optional<Duration> next(SpiceException failure, int attempt, RetryPolicy policy,
                                   Optional<Duration> serverHint, double random) {
        if (!isRetryable(failure) || attempt >= policy.maxAttempts()) {
            return Optional.empty();
        }
        if (serverHint.isPresent()) {
            Duration hint = serverHint.get();
            return hint.compareTo(policy.maxRetryAfter()) > 0 ? Optional.empty() : serverHint;
        }
        return Optional.of(Backoff.delay(policy, attempt, random));
    }

    /**
     * Whether a failed attempt may still have been carried out by the server: the request left and the answer was lost
     * (a reset or closed connection, a timeout), as opposed to a connection that was never made.
     */
    public static boolean mayHaveBeenApplied(SpiceException failure) {
        Throwable cause = failure.getCause();
        return failure instanceof SpiceIoException && !(cause instanceof ConnectException)
                && !(cause instanceof HttpConnectTimeoutException) && !(cause instanceof InterruptedException);
    }

    public static boolean isRetryable(SpiceException failure) {
        if (failure instanceof SpiceServiceException service) {
            return RETRYABLE_STATUSES.contains(service.statusCode());
        }
        if (failure instanceof SpiceInvalidDataException) {
            return !(failure.getCause() instanceof ResponseTooLargeException);
        }
        return failure instanceof SpiceIoException && !(failure.getCause() instanceof InterruptedException);
    }
}
