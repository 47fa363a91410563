package ai.spice.secrets.internal;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.errors.NotFoundException;
import ai.spice.secrets.errors.SpiceIoException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one code path of every operation, sync or async: token, request, response, error mapping, retry. Tracks calls
 * in flight so that {@link #close()} can fail them.
 */
final class RetryingExecutor {

    static final Logger LOG = LoggerFactory.getLogger("ai.spice.secrets");

    private final Transport transport;
    private final RequestFactory requests;
    private final TokenSource tokens;
    private final RetryPolicy policy;
    private final Scheduler scheduler;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Listeners listeners;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<BlockingAttempt> blocking = ConcurrentHashMap.newKeySet();
    /** Set while a synchronous method starts its call, so the call's first attempt may wait on this thread. */
    private static final ThreadLocal<Boolean> CALLER_WAITS = ThreadLocal.withInitial(() -> false);
    private volatile boolean closed;

    RetryingExecutor(Transport transport, RequestFactory requests, TokenSource tokens, RetryPolicy policy,
                     Scheduler scheduler, Clock clock, DoubleSupplier random, Listeners listeners) {
        this.transport = transport;
        this.requests = requests;
        this.tokens = tokens;
        this.policy = policy;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.listeners = listeners;
    }

    /** Runs the request with retries; {@code reader} turns a 2xx response into the result. */
    <T> CompletableFuture<T> execute(ApiRequest request, ResponseReader<T> reader) {
        if (closed) {
            throw new IllegalStateException("the SecretsClient is closed");
        }
        boolean callerWaits = CALLER_WAITS.get();
        CALLER_WAITS.set(false);
        Call<T> call = new Call<>(request, reader, this, callerWaits);
        inFlight.add(call.result);
        call.result.whenComplete((value, error) -> inFlight.remove(call.result));
        if (closed) {
            call.result.completeExceptionally(closedWhileInFlight());
        }
        call.attempt(1);
        return call.outcome;
    }

    void close() {
        closed = true;
        for (BlockingAttempt attempt : blocking) {
            attempt.closeClient();
        }
        for (CompletableFuture<?> call : inFlight) {
            call.completeExceptionally(closedWhileInFlight());
        }
    }

    /**
     * Runs a synchronous method: starts its call (whose first attempt then runs on this thread, see
     * {@link Call}) and waits for the result.
     */
    <T> T callAndWait(java.util.function.Supplier<CompletableFuture<T>> start) {
        CompletableFuture<T> call;
        CALLER_WAITS.set(true);
        try {
            call = start.get();
        } finally {
            CALLER_WAITS.set(false);
        }
        return await(call);
    }

    /** Watches an attempt that waits on the current thread; see {@link BlockingAttempt}. */
    BlockingAttempt blockingAttempt(java.time.Duration timeout) {
        return new BlockingAttempt(timeout, blocking);
    }

    boolean isClosed() {
        return closed;
    }

    /** Waits for a call's result on the caller's thread, as the synchronous client does. */
    static <T> T await(CompletableFuture<T> future) {
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

    /** A 404 that is about the secret, not the app: for {@code find} and {@code deleteIfExists}. */
    static boolean isMissingSecret(Throwable error) {
        return TransportFailure.unwrap(error) instanceof NotFoundException notFound
                && !notFound.serverMessage().toLowerCase(java.util.Locale.ROOT).contains("app not found");
    }

    Transport transport() {
        return transport;
    }

    RequestFactory requests() {
        return requests;
    }

    TokenSource tokens() {
        return tokens;
    }

    RetryPolicy policy() {
        return policy;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Clock clock() {
        return clock;
    }

    Listeners listeners() {
        return listeners;
    }

    double nextRandom() {
        return random.getAsDouble();
    }

    static SpiceIoException closedWhileInFlight() {
        return new SpiceIoException("the SecretsClient was closed while the call was in flight", null);
    }
}
