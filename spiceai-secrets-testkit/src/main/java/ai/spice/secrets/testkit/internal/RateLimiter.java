package ai.spice.secrets.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed-window request limit: at most {@code limit} requests per window, the window starting at the
 * first request after the previous one ended (not at a wall-clock boundary, so tests are not at the mercy
 * of the second hand). Thread-safe.
 */
final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private Instant windowEnd = Instant.MIN;
    private int used;

    RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The outcome for one request.
     *
     * @param allowed           whether it may proceed
     * @param limit             the requests allowed per window
     * @param remaining         requests left in the window after this one
     * @param resetEpochSecond  when the window ends, in epoch seconds (rounded up)
     * @param retryAfterSeconds for a refused request, the whole seconds until the window ends
     */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSecond, long retryAfterSeconds) {

        Map<String, String> headers() {
            return Map.of(
                    "X-RateLimit-Limit", Integer.toString(limit),
                    "X-RateLimit-Remaining", Integer.toString(remaining),
                    "X-RateLimit-Reset", Long.toString(resetEpochSecond));
        }

        ApiResponse refusal() {
            return ApiResponse.error(429, "Rate limit exceeded")
                    .withHeaders(headers())
                    .withHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
    }

    Decision acquire() {
        Instant now = clock.instant();
        lock.lock();
        try {
            if (!now.isBefore(windowEnd)) {
                windowEnd = now.plus(window);
                used = 0;
            }
            long reset = ceilSeconds(windowEnd.toEpochMilli());
            if (used < limit) {
                used++;
                return new Decision(true, limit, limit - used, reset, 0);
            }
            long retryAfter = ceilSeconds(Duration.between(now, windowEnd).toMillis());
            return new Decision(false, limit, 0, reset, retryAfter);
        } finally {
            lock.unlock();
        }
    }

    private static long ceilSeconds(long millis) {
        return Math.floorDiv(millis + 999, 1000);
    }
}
