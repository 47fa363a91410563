package ai.spice.secrets.internal;

import ai.spice.secrets.internal.call.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scheduler that records the delays asked for and completes at once: retry tests never really sleep. */
final class RecordingScheduler implements Scheduler {

    final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> after(Duration delay) {
        delays.add(delay);
        return CompletableFuture.completedFuture(null);
    }
}
