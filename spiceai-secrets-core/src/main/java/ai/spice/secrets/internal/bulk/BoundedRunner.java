package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.bulk.BulkOptions;
import ai.spice.secrets.bulk.FailureMode;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.internal.http.TransportFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one asynchronous operation per name with at most {@code concurrency} in flight: a window of futures, each
 * completion starting the next name. No thread is held per name and none ever waits. All mutable state is guarded by
 * {@link #lock} (a {@link ReentrantLock}, not a monitor: no carrier pinning); the operation, the callbacks and the
 * progress listener run outside it.
 */
final class BoundedRunner<R> {

    /** The outcome per name, each map and list in the order of the input. */
    record Outcome<R>(Map<String, R> succeeded, Map<String, SpiceException> failed, List<String> skipped) {
    }

    private static final int WAIT = -1;
    private static final int FINISHED = -2;

    private final List<String> names;
    private final Function<String, CompletableFuture<R>> operation;
    private final int concurrency;
    private final FailureMode mode;
    private final ProgressReporter progress;
    private final Supplier<CompletableFuture<Void>> slot;
    private final CompletableFuture<Outcome<R>> result = new CompletableFuture<>();
    private final Object[] values;
    private final boolean[] succeeded;
    private final SpiceException[] failures;
    private final Map<Integer, CompletableFuture<R>> running = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private int next;
    private int inFlight;
    private boolean stopped;
    private boolean pumping;
    private boolean finished;
    private Throwable abort;

    private BoundedRunner(List<String> names, Function<String, CompletableFuture<R>> operation, int concurrency,
                          FailureMode mode, ProgressReporter progress, Supplier<CompletableFuture<Void>> slot) {
        this.slot = slot;
        this.names = names;
        this.operation = operation;
        this.concurrency = concurrency;
        this.mode = mode;
        this.progress = progress;
        this.values = new Object[names.size()];
        this.succeeded = new boolean[names.size()];
        this.failures = new SpiceException[names.size()];
    }

    /**
     * Starts the operations. A {@link SpiceException} fails one name; any other failure (the client closed, a future
     * cancelled) stops starting new ones and fails the whole result once those in flight are done. Cancelling the
     * result cancels the operations in flight.
     *
     * @param slot completes when the next operation may start: at once, or when the app's pace allows it
     */
    static <R> CompletableFuture<Outcome<R>> run(List<String> names, Function<String, CompletableFuture<R>> operation,
                                                 BulkOptions options, ProgressReporter progress,
                                                 Supplier<CompletableFuture<Void>> slot) {
        BoundedRunner<R> runner = new BoundedRunner<>(List.copyOf(names), operation, options.concurrency(),
                options.failureMode(), progress, slot);
        runner.result.whenComplete((outcome, error) -> {
            if (runner.result.isCancelled()) {
                runner.cancelRunning();
            }
        });
        runner.pump();
        return runner.result;
    }

    /** Starts names until the window is full; re-entrant calls (a future completing at once) leave it to the loop. */
    private void pump() {
        lock.lock();
        try {
            if (pumping) {
                return;
            }
            pumping = true;
        } finally {
            lock.unlock();
        }
        int index;
        while ((index = nextToStart()) >= 0) {
            launch(index);
        }
        if (index == FINISHED) {
            finish();
        }
    }

    /** Takes the next name to start, or says to stop pumping: {@link #WAIT} for completions, or {@link #FINISHED}. */
    private int nextToStart() {
        lock.lock();
        try {
            boolean exhausted = stopped || next == names.size();
            if (!exhausted && inFlight < concurrency) {
                inFlight++;
                return next++;
            }
            pumping = false;
            if (!exhausted || inFlight > 0 || finished) {
                return WAIT;
            }
            finished = true;
            return FINISHED;
        } finally {
            lock.unlock();
        }
    }

    /** Completes the result; nothing is in flight and nothing more will start, so the state no longer changes. */
    private void finish() {
        Throwable failure;
        Outcome<R> outcome;
        lock.lock();
        try {
            failure = abort;
            outcome = failure == null ? outcome() : null;
        } finally {
            lock.unlock();
        }
        if (failure != null) {
            result.completeExceptionally(failure);
        } else {
            result.complete(outcome);
        }
    }

    private void launch(int index) {
        CompletableFuture<Void> ready = slot.get();
        CompletableFuture<R> future = ready.isDone() && !ready.isCompletedExceptionally() ? start(index)
                : ready.thenCompose(paced -> start(index));
        lock.lock();
        try {
            running.put(index, future);
        } finally {
            lock.unlock();
        }
        if (result.isCancelled()) {
            future.cancel(true);
        }
        future.whenComplete((value, error) -> completed(index, value, error));
    }

    private CompletableFuture<R> start(int index) {
        try {
            return operation.apply(names.get(index));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void completed(int index, R value, Throwable error) {
        Throwable cause = error == null ? null : TransportFailure.unwrap(error);
        if (cause == null || cause instanceof SpiceException) {
            progress.report(names.get(index));
        }
        lock.lock();
        try {
            inFlight--;
            running.remove(index);
            if (cause == null) {
                values[index] = value;
                succeeded[index] = true;
            } else if (cause instanceof SpiceException failure) {
                failures[index] = failure;
                stopped |= mode == FailureMode.STOP_AT_FIRST_FAILURE;
            } else {
                abort = abort == null ? cause : abort;
                stopped = true;
            }
        } finally {
            lock.unlock();
        }
        pump();
    }

    private void cancelRunning() {
        List<CompletableFuture<R>> toCancel;
        lock.lock();
        try {
            stopped = true;
            toCancel = new ArrayList<>(running.values());
        } finally {
            lock.unlock();
        }
        toCancel.forEach(future -> future.cancel(true));
    }

    /** Called under the lock by {@link #finish()}. */
    @SuppressWarnings("unchecked")
    private Outcome<R> outcome() {
        Map<String, R> ok = new LinkedHashMap<>();
        Map<String, SpiceException> failed = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (succeeded[i]) {
                ok.put(names.get(i), (R) values[i]);
            } else if (failures[i] != null) {
                failed.put(names.get(i), failures[i]);
            } else {
                skipped.add(names.get(i));
            }
        }
        return new Outcome<>(ok, failed, skipped);
    }
}
