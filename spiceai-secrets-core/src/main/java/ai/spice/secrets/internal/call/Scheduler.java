package ai.spice.secrets.internal.call;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts without parking a thread. The test seam for retry timing: tests record the delays asked
 * for and never really sleep.
 */
@FunctionalInterface
public interface Scheduler {

    /** A future completed after {@code delay}; cancelling it abandons the wait. */
    CompletableFuture<Void> after(Duration delay);

    static Scheduler system() {
        return delay -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (delay.isZero()) {
                done.complete(null);
            } else {
                CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(() -> done.complete(null));
            }
            return done;
        };
    }
}
