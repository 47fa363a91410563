package ai.spice.secrets.internal.call;

import ai.spice.secrets.internal.http.Transport;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds an attempt that waits on its caller's thread ({@link Transport#sendAndWait}): when the request timeout runs
 * out, or the client is closed, it interrupts that thread, which abandons the exchange. The JDK's own timeout stops at
 * the response headers; this one covers the body too. An interrupt it sent never outlives it, and the caller's own
 * interrupt is told apart and kept. Guarded by a {@link ReentrantLock}, so a virtual thread never pins on it.
 */
final class BlockingAttempt implements AutoCloseable {

    private enum Reason { NONE, TIMEOUT, CLOSED }

    private final Thread thread = Thread.currentThread();
    private final ReentrantLock lock = new ReentrantLock();
    private final CompletableFuture<Void> deadline = new CompletableFuture<>();
    private final Set<BlockingAttempt> registry;
    private Reason fired = Reason.NONE;
    private boolean finished;

    /** @param timeout the whole attempt's limit, or null for none */
    BlockingAttempt(Duration timeout, Set<BlockingAttempt> registry) {
        this.registry = registry;
        registry.add(this);
        if (timeout != null) {
            // orTimeout's timer is cancelled and removed when the deadline completes first: nothing piles up
            deadline.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                    .whenComplete((done, error) -> {
                        if (error != null) {
                            fire(Reason.TIMEOUT);
                        }
                    });
        }
    }

    /** The client was closed: stop waiting. */
    void closeClient() {
        fire(Reason.CLOSED);
    }

    /**
     * What an {@link InterruptedException} from the wait means: a timeout, a closed client, or the caller's own
     * interrupt (whose flag is set again).
     */
    Exception interruption(InterruptedException interrupted) {
        Reason reason = finish();
        switch (reason) {
            case TIMEOUT:
                return new HttpTimeoutException("request timed out (the whole response)");
            case CLOSED:
                return OpenCalls.closedWhileInFlight();
            default:
                Thread.currentThread().interrupt();
                return interrupted;
        }
    }

    @Override
    public void close() {
        finish();
        deadline.complete(null);
        registry.remove(this);
    }

    private void fire(Reason reason) {
        lock.lock();
        try {
            if (!finished && fired == Reason.NONE) {
                fired = reason;
                thread.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the watch; an interrupt this watch sent is cleared, once. */
    private Reason finish() {
        lock.lock();
        try {
            if (!finished) {
                finished = true;
                if (fired != Reason.NONE) {
                    Thread.interrupted();
                }
            }
            return fired;
        } finally {
            lock.unlock();
        }
    }
}
