package ai.spice.secrets.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Small helpers for futures derived from a call's future. */
final class Futures {

    private Futures() {
    }

    /** Returns {@code derived}, made so that cancelling it cancels {@code source} (and so the request). */
    static <T> CompletableFuture<T> linked(CompletableFuture<?> source, CompletableFuture<T> derived) {
        derived.whenComplete((value, error) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }

    /** Rethrows a failure inside a {@code handle} stage without wrapping it twice. */
    static RuntimeException rethrow(Throwable error) {
        Throwable cause = TransportFailure.unwrap(error);
        return cause instanceof CompletionException completion ? completion : new CompletionException(cause);
    }
}
