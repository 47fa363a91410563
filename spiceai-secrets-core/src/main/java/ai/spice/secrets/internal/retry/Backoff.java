package ai.spice.secrets.internal.retry;

import ai.spice.secrets.RetryPolicy;
import java.time.Duration;

/** The delay arithmetic of a {@link RetryPolicy}: a pure function, so tests give exact numbers. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry): {@code min(max, initial * m^(retry-1))},
     * spread by {@code ±jitter} of itself using {@code random} in [0, 1) (0.5 means no spread), capped at max again.
     */
    public static Duration delay(RetryPolicy policy, int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be >= 1, was " + retry);
        }
        double maxNanos = policy.maxDelay().toNanos();
        double base = Math.min(maxNanos, policy.initialDelay().toNanos() * Math.pow(policy.multiplier(), retry - 1));
        double spread = base * policy.jitter() * (2 * random - 1);
        return Duration.ofNanos((long) Math.max(0, Math.min(maxNanos, base + spread)));
    }
}
