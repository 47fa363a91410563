package ai.spice.secrets.internal.call;

import ai.spice.secrets.internal.http.RawResponse;
import ai.spice.secrets.internal.http.ServerHint;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Paces a client's bulk runs to each app once the service has said it is rate limited, in the spirit of the AWS SDK's
 * adaptive retry mode: until then it costs nothing and delays nothing. Every call's answer teaches it; a bulk run
 * ({@code upsertAll}, a sync's writes and deletes) takes a {@link #slot} before each secret, while a single call is
 * never delayed (its retries honour {@code Retry-After} as always). Rate limits are per project (Spice's Community
 * plan allows 100 requests a second), so each app has its own pace.
 *
 * <p>When an answer says the limit is reached (a 429, or a 2xx with {@code X-RateLimit-Remaining: 0}), the app's rate
 * becomes {@value #HEADROOM} of what the service accepted in the last second less one (evenly spaced at that rate,
 * no window of a second holds as many requests as the limit), and requests wait until the time the
 * service named ({@code Retry-After}, else {@code X-RateLimit-Reset}; a second if it named none). The answers to
 * requests sent before that decision belong to the same episode: a refusal among them lowers the rate no further, and
 * an acceptance among them (answers arrive out of order when several requests are in flight) counts in the second
 * the decision measured, as if it had been heard first. A refusal once the app is paced measures nothing (the last
 * second was partly spent waiting) and slows the pace by a twentieth ({@value #CUT} of it). A refused request's
 * retry (which waits for the service's time, not for a slot) is counted in the pace: the slots after it move back. The rate holds for
 * {@value #HOLD_SECONDS} s, then grows by {@value #GROWTH_PER_SECOND} of itself a second while nothing is refused, so
 * a limit that was raised is found again. Thread-safe; one {@link ReentrantLock} per app, never a monitor.
 */
public final class Pacer {

    /** The share of the accepted rate kept after a refusal. */
    static final double HEADROOM = 0.99;
    /** What a refusal while already paced leaves of the rate. */
    static final double CUT = 0.95;
    /** How long a rate holds after a refusal before it grows. */
    static final long HOLD_SECONDS = 30;
    /** How fast the rate grows back while nothing is refused, per second. */
    static final double GROWTH_PER_SECOND = 0.01;
    /** The slowest pace: one request a second. */
    static final double MIN_RATE = 1.0;
    /**
     * The fewest answers accepted in the last second that make a rate worth setting: below it, the client's own
     * traffic says too little about the limit (others may share it), and only the wait the service asked for holds.
     */
    static final int MIN_MEASURED = 5;
    static final long SECOND = 1_000_000_000L;
    private static final int BUCKETS = 10;
    private static final long BUCKET = SECOND / BUCKETS;

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final boolean enabled;
    private final ConcurrentHashMap<Long, App> apps = new ConcurrentHashMap<>();
    /** Whether any app was ever refused: until then {@link #reserve} is one volatile read. */
    private volatile boolean engaged;

    /** @param enabled false for a client that never paces (it still honours {@code Retry-After} on retries) */
    public Pacer(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether this pacer listens at all: a client built with pacing off skips even the bookkeeping. */
    boolean enabled() {
        return enabled;
    }

    /**
     * A bulk run's slot for its next request to the app.
     *
     * @param scheduler what waits, when there is a wait
     * @return completed at once while the app is unpaced; else when the slot comes
     */
    public CompletableFuture<Void> slot(long appId, Scheduler scheduler) {
        long wait = reserve(appId, System.nanoTime());
        return wait <= 0 ? DONE : scheduler.after(Duration.ofNanos(wait));
    }

    /**
     * Takes the next slot for a request to the app.
     *
     * @param now {@link System#nanoTime()}
     * @return nanoseconds to wait before sending; 0 to send now
     */
    long reserve(long appId, long now) {
        if (!engaged) {
            return 0;
        }
        App app = apps.get(appId);
        return app == null ? 0 : app.reserve(now);
    }

    /**
     * Hears what an answer says of its app's rate limit: refused (a 429), exhausted (accepted, with
     * {@code X-RateLimit-Remaining: 0}), or neither; and, when limited, how long the service asked to wait.
     *
     * @param sentAt   when its request was sent ({@link System#nanoTime()})
     * @param exchange the answer as classified, whose server hint a refusal already carries
     */
    void heard(long appId, long sentAt, RawResponse response, Exchange<?> exchange, Clock clock) {
        if (!enabled) {
            return;
        }
        boolean refused = response.status() == 429;
        boolean exhausted = !refused && response.headers().firstValue("x-ratelimit-remaining")
                .filter(remaining -> remaining.strip().equals("0")).isPresent();
        long wait = -1;
        if (refused || exhausted) {
            Optional<Duration> hint = exchange instanceof Exchange.Rejected<?> rejected ? rejected.hint()
                    : ServerHint.from(response.headers(), clock.instant());
            wait = hint.map(Duration::toNanos).orElse(-1L);
        }
        answered(appId, sentAt, System.nanoTime(), refused, exhausted, wait);
    }

    /**
     * Hears an answer, read.
     *
     * @param sentAt    when its request was sent ({@link System#nanoTime()})
     * @param now       when it came
     * @param refused   the service refused it for the rate limit (429)
     * @param exhausted it was accepted but {@code X-RateLimit-Remaining} says nothing is left
     * @param waitNanos how long the service asked to wait ({@code Retry-After}, {@code X-RateLimit-Reset}), or -1
     */
    void answered(long appId, long sentAt, long now, boolean refused, boolean exhausted, long waitNanos) {
        if (!enabled) {
            return;
        }
        App app = apps.get(appId);
        if (app == null) {
            app = apps.computeIfAbsent(appId, id -> new App(now));
        }
        if (!refused) {
            app.accepted(sentAt, now);
        }
        if (refused || exhausted) {
            app.limited(sentAt, now, waitNanos < 0 ? SECOND : waitNanos, refused);
            engaged = true;
        }
    }

    /** The current rate of an app, for tests: requests a second, or infinity while unpaced. */
    double rate(long appId) {
        App app = apps.get(appId);
        return app == null ? Double.POSITIVE_INFINITY : app.rate();
    }

    private static final class App {
        private final ReentrantLock lock = new ReentrantLock();
        private final long[] accepted = new long[BUCKETS];
        private long bucketTime;
        private double rate = Double.POSITIVE_INFINITY;
        private long nextFree;
        private long pausedUntil;
        private long decidedAt = Long.MIN_VALUE;
        private long grownAt;
        /** The rate before the last decision, and the answers accepted in the second that decision measured. */
        private double rateBefore = Double.POSITIVE_INFINITY;
        private long measured = -1;

        App(long now) {
            this.bucketTime = now - now % BUCKET;
            this.nextFree = now;
            this.pausedUntil = now;
            this.grownAt = now;
        }

        long reserve(long now) {
            lock.lock();
            try {
                long start = Math.max(now, Math.max(nextFree, pausedUntil));
                nextFree = Double.isInfinite(rate) ? start : start + (long) (SECOND / rate);
                return start - now;
            } finally {
                lock.unlock();
            }
        }

        void accepted(long sentAt, long now) {
            lock.lock();
            try {
                roll(now);
                accepted[BUCKETS - 1]++;
                if (sentAt < decidedAt && sentAt >= decidedAt - SECOND && measured >= 0) {
                    // Sent before the decision, heard after it: the service took it in the second the decision
                    // measured. With several requests in flight, answers arrive out of order, so the one that said
                    // "limited" may be heard before others it was sent after; count them now, as if heard in order.
                    measured++;
                    rate = Math.max(rate, decided(rateBefore, measured));
                    return;
                }
                long from = Math.max(grownAt, decidedAt + HOLD_SECONDS * SECOND);
                if (!Double.isInfinite(rate) && now > from) {
                    rate *= 1 + GROWTH_PER_SECOND * (now - from) / SECOND;
                    grownAt = now;
                }
            } finally {
                lock.unlock();
            }
        }

        void limited(long sentAt, long now, long waitNanos, boolean refused) {
            lock.lock();
            try {
                pausedUntil = Math.max(pausedUntil, now + waitNanos);
                if (sentAt < decidedAt) {
                    holdSlotForRetry(refused); // sent before the last decision: the same episode
                    return;
                }
                roll(now);
                long lastSecond = 0;
                for (long count : accepted) {
                    lastSecond += count;
                }
                if (Double.isInfinite(rate)) {
                    rateBefore = rate;
                    measured = lastSecond;
                    rate = decided(rateBefore, lastSecond);
                } else {
                    // Already paced below what the service took: a new refusal says the pace is a little too fast
                    // (a burst of retries, a window that began later than its reset said), not that the limit fell
                    // to what the last second, partly spent waiting, happened to hold. Slow down a little.
                    rateBefore = rate;
                    measured = -1;
                    rate = Math.max(MIN_RATE, rate * CUT);
                }
                decidedAt = now;
                grownAt = now;
                holdSlotForRetry(refused);
            } finally {
                lock.unlock();
            }
        }

        /**
         * A refused request is retried when the service said (its call's own retry, which takes no slot): the slots
         * after the pause move back by one, so that the retry and the paced requests together keep to the rate.
         */
        private void holdSlotForRetry(boolean refused) {
            if (refused && !Double.isInfinite(rate)) {
                nextFree = Math.max(nextFree, pausedUntil) + (long) (SECOND / rate);
            }
        }

        /** The rate a decision sets from the rate before it and the answers accepted in the second it measured. */
        private static double decided(double before, long acceptedInLastSecond) {
            return acceptedInLastSecond < MIN_MEASURED ? before
                    : Math.max(MIN_RATE, Math.min(before, acceptedInLastSecond - 1) * HEADROOM);
        }

        double rate() {
            lock.lock();
            try {
                return rate;
            } finally {
                lock.unlock();
            }
        }

        /** Moves the one-second window of accepted answers up to {@code now}. */
        private void roll(long now) {
            long steps = (now - bucketTime) / BUCKET;
            if (steps <= 0) {
                return;
            }
            int shift = (int) Math.min(steps, BUCKETS);
            System.arraycopy(accepted, shift, accepted, 0, BUCKETS - shift);
            java.util.Arrays.fill(accepted, BUCKETS - shift, BUCKETS, 0);
            bucketTime += steps * BUCKET;
        }
    }
}
