package ai.spice.secrets.internal.call;

import ai.spice.secrets.errors.SpiceIoException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client's calls in flight, so that closing the client ends them: each pending result fails, and each attempt
 * waiting on a caller's thread is woken. One per client; thread-safe.
 */
public final class OpenCalls {

    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<BlockingAttempt> blocking = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Closes: no call starts any more, and those in flight fail with {@link #closedWhileInFlight()}. */
    public void close() {
        closed = true;
        for (BlockingAttempt attempt : blocking) {
            attempt.closeClient();
        }
        for (CompletableFuture<?> call : inFlight) {
            call.completeExceptionally(closedWhileInFlight());
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** @throws IllegalStateException if closed, before anything of the call has happened */
    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the SecretsClient is closed");
        }
    }

    /** Tracks a call's result until {@link #untrack}, which the call's end calls; one closed meanwhile fails at once. */
    void track(CompletableFuture<?> result) {
        inFlight.add(result);
        if (closed) {
            result.completeExceptionally(closedWhileInFlight());
        }
    }

    void untrack(CompletableFuture<?> result) {
        inFlight.remove(result);
    }

    /** Watches an attempt that waits on the current thread; see {@link BlockingAttempt}. */
    BlockingAttempt watch(Duration timeout) {
        return new BlockingAttempt(timeout, blocking);
    }

    static SpiceIoException closedWhileInFlight() {
        return new SpiceIoException("the SecretsClient was closed while the call was in flight", null);
    }
}
