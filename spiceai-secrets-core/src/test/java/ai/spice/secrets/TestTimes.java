package ai.spice.secrets;

import java.time.Duration;

/** The wall-clock bounds tests assert or wait for, in one place. */
public final class TestTimes {

    /**
     * Added to every wall-clock bound a test asserts: "within N x T + W", "at once". Generous because the build runs
     * on a shared 2-core machine, where another build, the JIT or a garbage collection can hold a thread for a few
     * hundred milliseconds; still below the default first retry delay (500 ms), so a call that ends within it did not
     * wait for a retry it should have abandoned.
     */
    public static final Duration SLACK = Duration.ofMillis(400);

    /**
     * How long a test waits for something that must happen (a request to arrive, a call to end) before it fails
     * instead of hanging the build. Not a claim about speed: a passing test never waits this long.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(5);

    private TestTimes() {
    }
}
