package ai.spice.secrets.internal;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.errors.SpiceIoException;
import ai.spice.secrets.errors.SpiceServiceException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Whether, and after how long, a failed attempt is tried again. Pure, so it is tested as a table. */
final class RetryRules {

    static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private RetryRules() {
    }

    /** The delay before the next attempt, or empty to stop and throw {@code failure}. */
    static Optional<Duration> next(SpiceException failure, int attempt, RetryPolicy policy,
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

    static boolean isRetryable(SpiceException failure) {
        if (failure instanceof SpiceServiceException service) {
            return RETRYABLE_STATUSES.contains(service.statusCode());
        }
        if (failure instanceof SpiceInvalidDataException) {
            return !(failure.getCause() instanceof ResponseTooLargeException);
        }
        return failure instanceof SpiceIoException && !(failure.getCause() instanceof InterruptedException);
    }
}
