package ai.spice.secrets.testkit;

import ai.spice.secrets.testkit.internal.FaultSchedule;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The faults an emulator will inject, from {@link SecretsEmulator#faults()}. Counted faults ({@link #next})
 * are used first-come first-served by the requests they match; a request no counted fault matches may still
 * be broken by the random rule ({@link #random}). Paths are matched as raw prefixes of the request path
 * (percent-encoded as sent, without the query), so {@code "/v1/apps/1/secrets"} matches the list, upsert, get
 * and delete of app 1, and {@code ""} matches every request, including {@code /api/oauth/token}.
 * Thread-safe; methods return this plan for chaining.
 *
 * <pre>{@code
 * emulator.faults()
 *         .next(2, "/v1/apps/1/secrets", Fault.status(503))
 *         .next(1, "POST", "/v1/apps/1/secrets", Fault.dropConnectionAfterApply());
 * emulator.faults().random(0.10, 42L, Fault.dropConnection(), Fault.status(503));
 * emulator.faults().clear();
 * }</pre>
 */
public final class FaultPlan {

    private final FaultSchedule schedule;

    FaultPlan(FaultSchedule schedule) {
        this.schedule = schedule;
    }

    /**
     * Breaks the next {@code count} requests, of any method, whose path starts with {@code pathPrefix}.
     *
     * @param count      how many requests, at least 1
     * @param pathPrefix the raw path prefix, e.g. {@code "/v1/apps/1/secrets"}
     * @param fault      what happens to them
     * @return this plan
     * @throws IllegalArgumentException if {@code count} is less than 1
     * @throws NullPointerException     if an argument is null
     */
    public FaultPlan next(int count, String pathPrefix, Fault fault) {
        return next(count, FaultSchedule.ANY_METHOD, pathPrefix, fault);
    }

    /**
     * Breaks the next {@code count} requests with this method whose path starts with {@code pathPrefix}.
     *
     * @param count      how many requests, at least 1
     * @param method     the HTTP method, e.g. {@code "POST"} (any case), or {@code "*"} for any
     * @param pathPrefix the raw path prefix
     * @param fault      what happens to them
     * @return this plan
     * @throws IllegalArgumentException if {@code count} is less than 1
     * @throws NullPointerException     if an argument is null
     */
    public FaultPlan next(int count, String method, String pathPrefix, Fault fault) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(fault, "fault");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        schedule.next(count, method.toUpperCase(Locale.ROOT), pathPrefix, fault.spec());
        return this;
    }

    /**
     * Breaks each request with the given probability, picking one of {@code faults} uniformly; repeatable for
     * a given seed when requests arrive in the same order. Replaces any earlier random rule; counted faults
     * take precedence.
     *
     * @param probability the chance that a request breaks, 0 to 1
     * @param seed        the random seed
     * @param faults      the faults to choose from, at least one
     * @return this plan
     * @throws IllegalArgumentException if the probability is out of range or no fault is given
     * @throws NullPointerException     if a fault is null
     */
    public FaultPlan random(double probability, long seed, Fault... faults) {
        return random(probability, seed, "", faults);
    }

    /**
     * Like {@link #random(double, long, Fault...)}, for requests whose path starts with {@code pathPrefix} only.
     *
     * @param probability the chance that a request breaks, 0 to 1
     * @param seed        the random seed
     * @param pathPrefix  the raw path prefix, e.g. {@code "/v1/"}
     * @param faults      the faults to choose from, at least one
     * @return this plan
     * @throws IllegalArgumentException if the probability is out of range or no fault is given
     * @throws NullPointerException     if {@code pathPrefix} or a fault is null
     */
    public FaultPlan random(double probability, long seed, String pathPrefix, Fault... faults) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(faults, "faults");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0 to 1: " + probability);
        }
        if (faults.length == 0) {
            throw new IllegalArgumentException("at least one fault is needed");
        }
        schedule.random(probability, seed, pathPrefix,
                Arrays.stream(faults).map(fault -> Objects.requireNonNull(fault, "fault").spec()).toList());
        return this;
    }

    /**
     * The counted faults not yet used.
     *
     * @return the number of requests that counted faults will still break
     */
    public int pending() {
        return schedule.pending();
    }

    /**
     * Removes every counted fault and the random rule.
     *
     * @return this plan
     */
    public FaultPlan clear() {
        schedule.clear();
        return this;
    }
}
