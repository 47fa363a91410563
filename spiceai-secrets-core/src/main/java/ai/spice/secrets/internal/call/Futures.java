package ai.spice.secrets.internal.call;

import ai.spice.secrets.errors.SpiceIoException;
import ai.spice.secrets.internal.http.TransportFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for a call's future: deriving from it, and waiting for it as a synchronous method does. */
public final class Futures {

    private Futures() {
    }

    /** Returns {@code derived}, made so that cancelling it cancels {@code source} (and so the request). */
    public static <T> CompletableFuture<T> linked(CompletableFuture<?> source, CompletableFuture<T> derived) {
        derived.whenComplete((value, error) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }

    /** Rethrows a failure inside a {@code handle} stage without wrapping it twice. */
    public static RuntimeException rethrow(Throwable error) {
        Throwable cause = TransportFailure.unwrap(error);
        return cause instanceof CompletionException completion ? completion : new CompletionException(cause);
    }

    /**
     * Waits for a result on the caller's thread, as every synchronous method does: the failure is rethrown
     * unwrapped; an interrupt cancels the call, keeps the thread's interrupt flag and throws {@link SpiceIoException}.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SpiceIoException("interrupted while waiting for the call", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SpiceIoException("the call failed", cause);
        }
    }
}
