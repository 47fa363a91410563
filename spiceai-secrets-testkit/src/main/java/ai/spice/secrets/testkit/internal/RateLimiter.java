package ai.spice.secrets.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed-window request limit per key (Spice limits requests per project): at most {@code limit} requests per
 * window and key, each key's window starting at its first request after its previous window ended (not at a
 * wall-clock boundary, so tests are not at the mercy of the second hand). Thread-safe.
 */
final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Window> windows = new HashMap<>();

    /** One key's current window. Guarded by {@code lock}. */
    private static final class Window {
        private Instant end = Instant.MIN;
        private int used;
    }

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

    /** @param key what the request counts against, e.g. its project */
    Decision acquire(String key) {
        Instant now = clock.instant();
        lock.lock();
        try {
            Window current = windows.computeIfAbsent(key, unused -> new Window());
            if (!now.isBefore(current.end)) {
                current.end = now.plus(window);
                current.used = 0;
            }
            long reset = ceilSeconds(current.end.toEpochMilli());
            if (current.used < limit) {
                current.used++;
                return new Decision(true, limit, limit - current.used, reset, 0);
            }
            long retryAfter = ceilSeconds(Duration.between(now, current.end).toMillis());
            return new Decision(false, limit, 0, reset, retryAfter);
        } finally {
            lock.unlock();
        }
    }

    private static long ceilSeconds(long millis) {
        return Math.floorDiv(millis + 999, 1000);
    }
}
