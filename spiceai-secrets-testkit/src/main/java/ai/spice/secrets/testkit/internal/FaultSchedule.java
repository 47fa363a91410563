package ai.spice.secrets.testkit.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The faults waiting for requests: counted rules taken first-come first-served, then at most one random rule.
 * Thread-safe; every decision is made under one lock so that a seeded random rule breaks the same requests
 * when they arrive in the same order.
 */
public final class FaultSchedule {

    /** Matches every method. */
    public static final String ANY_METHOD = "*";

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Counted> counted = new ArrayList<>();
    private RandomRule random;

    private static final class Counted {
        final String method;
        final String pathPrefix;
        final FaultSpec fault;
        int remaining;

        Counted(String method, String pathPrefix, FaultSpec fault, int remaining) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private record RandomRule(double probability, Random random, String pathPrefix, List<FaultSpec> faults) {}

    /**
     * Schedules a fault for the next {@code count} matching requests.
     *
     * @param count      how many requests, at least 1
     * @param method     an upper-case method, or {@link #ANY_METHOD}
     * @param pathPrefix the prefix of the raw request path to match
     * @param fault      the fault
     */
    public void next(int count, String method, String pathPrefix, FaultSpec fault) {
        Counted rule = new Counted(method, pathPrefix, Objects.requireNonNull(fault, "fault"), count);
        lock.lock();
        try {
            counted.add(rule);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Breaks a share of the matching requests, replacing any earlier random rule.
     *
     * @param probability the chance each request breaks, 0 to 1
     * @param seed        the seed that makes the choice repeatable
     * @param pathPrefix  the prefix of the raw request path to match
     * @param faults      the faults to pick from, uniformly
     */
    public void random(double probability, long seed, String pathPrefix, List<FaultSpec> faults) {
        RandomRule rule = new RandomRule(probability, new Random(seed), pathPrefix, List.copyOf(faults));
        lock.lock();
        try {
            random = rule;
        } finally {
            lock.unlock();
        }
    }

    /** Removes every scheduled fault and the random rule. */
    public void clear() {
        lock.lock();
        try {
            counted.clear();
            random = null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The number of counted faults not yet used.
     *
     * @return the sum of what every counted rule has left
     */
    public int pending() {
        lock.lock();
        try {
            return counted.stream().mapToInt(rule -> rule.remaining).sum();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the fault for this request, if any: the oldest matching counted rule, else the random rule. */
    Optional<FaultSpec> take(String method, String path) {
        lock.lock();
        try {
            for (Iterator<Counted> it = counted.iterator(); it.hasNext(); ) {
                Counted rule = it.next();
                if ((ANY_METHOD.equals(rule.method) || rule.method.equals(method)) && path.startsWith(rule.pathPrefix)) {
                    if (--rule.remaining == 0) {
                        it.remove();
                    }
                    return Optional.of(rule.fault);
                }
            }
            if (random != null && path.startsWith(random.pathPrefix())
                    && random.random().nextDouble() < random.probability()) {
                return Optional.of(random.faults().get(random.random().nextInt(random.faults().size())));
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }
}
