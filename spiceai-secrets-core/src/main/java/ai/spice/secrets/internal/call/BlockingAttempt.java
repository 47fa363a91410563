package ai.spice.secrets.internal.call;

import ai.spice.secrets.internal.http.Transport;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;

/**
 * Bounds an attempt that waits on its caller's thread ({@link Transport#sendAndWait}): when the request timeout runs
 * out ({@link Watchdog}), or the client is closed, it interrupts that thread, which abandons the exchange. The JDK's
 * own timeout stops at the response headers; this one covers the body too. An interrupt it sent never outlives it,
 * and the caller's own interrupt is told apart and kept. Lock-free (one compare-and-set when nothing fires), so a
 * virtual thread never pins on it.
 */
final class BlockingAttempt implements AutoCloseable {

    private enum Reason { NONE, TIMEOUT, CLOSED }

    /** Watching; nothing fired. */
    private static final int WATCHING = 0;
    /** A timeout or a close is interrupting the thread: the owner waits for that to be over before it clears it. */
    private static final int FIRING = 1;
    private static final int FIRED_TIMEOUT = 2;
    private static final int FIRED_CLOSED = 3;
    /** Finished: the state it was finished in, plus this. */
    private static final int FINISHED = 4;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(BlockingAttempt.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread thread = Thread.currentThread();
    private final Set<BlockingAttempt> registry;
    private final long deadline;
    private final boolean timed;
    private volatile int state;

    /** @param timeout the whole attempt's limit, or null for none */
    BlockingAttempt(Duration timeout, Set<BlockingAttempt> registry) {
        this.registry = registry;
        this.timed = timeout != null;
        this.deadline = timed ? System.nanoTime() + saturatedNanos(timeout) : 0;
        registry.add(this);
        if (timed) {
            Watchdog.watch(this);
        }
    }

    /** When the attempt times out, as {@code System.nanoTime}. */
    long deadline() {
        return deadline;
    }

    /** The deadline passed: stop waiting. */
    void timeOut() {
        fire(FIRED_TIMEOUT);
    }

    /** The client was closed: stop waiting. */
    void closeClient() {
        fire(FIRED_CLOSED);
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
        if (timed) {
            Watchdog.unwatch(this);
        }
        registry.remove(this);
    }

    private void fire(int fired) {
        if (STATE.compareAndSet(this, WATCHING, FIRING)) {
            thread.interrupt();
            state = fired;
        }
    }

    /** Ends the watch (on the owner's thread); an interrupt this watch sent is cleared, once. */
    private Reason finish() {
        for (int spins = 0; ; spins++) {
            int now = state;
            if (now == WATCHING) {
                if (STATE.compareAndSet(this, WATCHING, FINISHED)) {
                    return Reason.NONE;
                }
            } else if (now == FIRING) {
                // the other thread is between its compare-and-set and the interrupt: microseconds
                if (spins < 100) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            } else if (now < FINISHED) {
                Thread.interrupted();
                state = FINISHED + now;
                return reason(now);
            } else {
                return reason(now - FINISHED);
            }
        }
    }

    private static Reason reason(int fired) {
        return fired == FIRED_TIMEOUT ? Reason.TIMEOUT : fired == FIRED_CLOSED ? Reason.CLOSED : Reason.NONE;
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }
}
