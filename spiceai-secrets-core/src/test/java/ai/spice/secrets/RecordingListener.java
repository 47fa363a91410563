package ai.spice.secrets;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one listener tests record with: keeps every event it hears, in the order heard, and lets a test wait (on a
 * latch, with a bound) until a number of operations have completed. Thread-safe; reading gives a snapshot.
 */
public final class RecordingListener implements SecretsListener {

    private final Queue<Object> events = new ConcurrentLinkedQueue<>();
    private final int expectedCompletions;
    private final CountDownLatch completions;

    /** A listener whose {@link #awaitCompletions} waits for one operation to complete. */
    public RecordingListener() {
        this(1);
    }

    /** A listener whose {@link #awaitCompletions} waits for {@code expectedCompletions} operations to complete. */
    public RecordingListener(int expectedCompletions) {
        this.expectedCompletions = expectedCompletions;
        this.completions = new CountDownLatch(expectedCompletions);
    }

    @Override
    public void operationStarted(OperationStarted event) {
        events.add(event);
    }

    @Override
    public void attemptCompleted(AttemptCompleted event) {
        events.add(event);
    }

    @Override
    public void operationCompleted(OperationCompleted event) {
        events.add(event);
        completions.countDown();
    }

    /** Every event heard, in order: {@link OperationStarted}, {@link AttemptCompleted}, {@link OperationCompleted}. */
    public List<Object> events() {
        return List.copyOf(events);
    }

    public List<OperationStarted> started() {
        return only(OperationStarted.class);
    }

    public List<AttemptCompleted> attempts() {
        return only(AttemptCompleted.class);
    }

    public List<OperationCompleted> completed() {
        return only(OperationCompleted.class);
    }

    /** The call each event belongs to, in the order heard. */
    public List<SecretsCall> calls() {
        return events.stream().map(RecordingListener::call).toList();
    }

    /**
     * Waits until the expected number of operations have completed, and returns every completion heard.
     *
     * @throws AssertionError if they have not within {@code within}
     */
    public List<OperationCompleted> awaitCompletions(Duration within) throws InterruptedException {
        if (!completions.await(within.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError(completed().size() + " of " + expectedCompletions + " operations completed within "
                    + within.toMillis() + " ms");
        }
        return completed();
    }

    private static SecretsCall call(Object event) {
        if (event instanceof OperationStarted started) {
            return started.call();
        }
        if (event instanceof AttemptCompleted attempt) {
            return attempt.call();
        }
        return ((OperationCompleted) event).call();
    }

    private <T> List<T> only(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
