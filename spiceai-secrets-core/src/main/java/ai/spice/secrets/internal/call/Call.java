package ai.spice.secrets.internal.call;

import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.internal.auth.CredentialsException;
import ai.spice.secrets.internal.http.ApiRequest;
import ai.spice.secrets.internal.http.RawResponse;
import ai.spice.secrets.internal.http.RequestFactory;
import ai.spice.secrets.internal.http.TransportFailure;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One operation, from its first attempt to its result: each attempt is sent, then handled in three steps, classify
 * ({@link Exchange}), decide ({@link Decision}) and act (here). Attempts run one after another, each started by the
 * previous one's outcome, so the mutable state below is only touched by one thread at a time.
 */
public final class Call<T> {

    /** How the caller takes the result. */
    public enum Mode {
        /** The caller waits for the result: the first attempt runs on its thread, with the transport's blocking send. */
        SYNC,
        /** The caller takes a future: no attempt runs on its thread. */
        ASYNC
    }

    private final CallContext context;
    private final ApiRequest request;
    private final Reply<T> reply;
    private final Mode mode;
    /** Completed by the attempts; the future handed out follows it once the listeners have heard. */
    private final CompletableFuture<T> result = new CompletableFuture<>();
    /** The retried failures, attached to the last one as suppressed; made at the first retry. */
    private List<SpiceException> failures;
    /** {@link CallEvents#now()} at the start: 0 if nothing times the events. */
    private final long startedNanos;
    private volatile CompletableFuture<?> current;
    private boolean tokenRefreshed;
    /** An earlier attempt's request left, and its answer was lost: the server may have acted on it. */
    private boolean answerLost;
    private int attemptsMade;
    /** The last answer's status ({@link CallEvents#NO_STATUS} if none) and headers (null if none), for the events. */
    private int lastStatus = CallEvents.NO_STATUS;
    private HttpHeaders lastHeaders;
    /** What the operation's events report it ended with, although it succeeded: a 404 read as absence. */
    private volatile SpiceException reported;

    private Call(CallContext context, ApiRequest request, Reply<T> reply, Mode mode) {
        this.context = context;
        this.request = request;
        this.reply = reply;
        this.mode = mode;
        this.startedNanos = context.events().now();
    }

    /**
     * Starts an operation: the one entry point, sync or async. A synchronous method passes {@link Mode#SYNC} and
     * waits with {@link Futures#await}.
     *
     * @throws IllegalStateException if the client is closed (nothing is sent and no event fires)
     */
    public static <T> CompletableFuture<T> start(CallContext context, ApiRequest request, Reply<T> reply, Mode mode) {
        context.open().checkOpen();
        Call<T> call = new Call<>(context, request, reply, mode);
        context.events().started(request, context.clock());
        if (mode == Mode.ASYNC) {
            CompletableFuture<T> outcome = call.heard();
            context.open().track(call.result);
            call.attempt(1);
            return outcome;
        }
        context.open().track(call.result);
        call.attempt(1);
        if (call.result.isDone()) {
            // The usual synchronous call: it ended on this thread, so it ends here, with no future derived from it.
            // The caller only waits on what is handed back, and a completed future is never waited on.
            call.concluded(call.result.isCompletedExceptionally() ? failureOf(call.result) : null);
            return call.result;
        }
        // A retry, or a token still being fetched: the caller waits on the future, as an asynchronous caller would.
        return call.heard();
    }

    /**
     * The future handed out when the call may end on another thread: completed once the listeners have heard the end.
     * Cancelling it (or closing the client) aborts whatever the call waits on, a request or a retry delay; the stage
     * the attempts complete is never handed out, since a stage the caller cancels itself would skip its action,
     * leaving the wait running and the listeners never told.
     */
    private CompletableFuture<T> heard() {
        CompletableFuture<T> heard = result.whenComplete((value, error) -> concluded(error));
        return Futures.linked(result, heard.thenApply(value -> value));
    }

    /** The end, once: what the call waits on is given up if it failed, the client forgets it, listeners hear it. */
    private void concluded(Throwable error) {
        CompletableFuture<?> waiting = current;
        if (waiting != null && error != null) {
            waiting.cancel(true);
        }
        context.open().untrack(result);
        context.events().completed(request, attemptsMade, lastStatus, lastHeaders,
                error != null ? TransportFailure.unwrap(error) : reported, startedNanos);
    }

    private static Throwable failureOf(CompletableFuture<?> done) {
        try {
            done.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return e;
        }
    }

    private void attempt(int attempt) {
        if (result.isDone()) {
            return;
        }
        // Read once for the events (when anything listens) and the pacer (when the client paces).
        long started = context.events().timed() || context.pacer().enabled() ? System.nanoTime() : 0L;
        attemptsMade++;
        CompletableFuture<String> bearerToken = context.tokens().token();
        if (mode == Mode.SYNC && attempt == 1 && bearerToken.isDone() && !bearerToken.isCompletedExceptionally()) {
            sendHere(attempt, started, bearerToken.join());
            return;
        }
        track(bearerToken);
        String[] sentToken = new String[1];
        bearerToken.thenCompose(bearer -> {
            HttpRequest http = httpRequest(bearer);
            sentToken[0] = bearer;
            CompletableFuture<RawResponse> sent = context.transport().send(http, context.requests().requestTimeout());
            track(sent);
            return sent;
        }).whenComplete((response, error) -> ended(attempt, started, sentToken[0], response, error));
    }

    /**
     * A synchronous call's first attempt, on the caller's thread with the transport's blocking send: the JDK's async
     * send hands every answer to another thread (a new one per answer on a 2-core machine), which doubled the cost of a
     * small call. Retries, and calls whose token is still being fetched, go the asynchronous way.
     */
    private void sendHere(int attempt, long started, String bearer) {
        HttpRequest http;
        try {
            http = httpRequest(bearer);
        } catch (CredentialsException unsendable) {
            ended(attempt, started, null, null, unsendable);
            return;
        }
        RawResponse response = null;
        Throwable error = null;
        try (BlockingAttempt watch = context.open().watch(context.requests().requestTimeout())) {
            try {
                response = context.transport().sendAndWait(http);
            } catch (InterruptedException e) {
                error = watch.interruption(e);
            } catch (IOException | RuntimeException e) {
                error = e;
            }
        }
        ended(attempt, started, bearer, response, error);
    }

    /** The request with its token; never handed to the JDK if it cannot carry it, whose refusal would quote it. */
    private HttpRequest httpRequest(String bearer) {
        if (!RequestFactory.canCarry(bearer)) {
            throw new CredentialsException("the bearer token holds characters an HTTP header cannot carry", null);
        }
        return context.requests().apiRequest(request, bearer);
    }

    /** @param sentToken the token the request carried, or null if it was never sent */
    private void ended(int attempt, long started, String sentToken, RawResponse response, Throwable error) {
        if (result.isDone()) {
            return;
        }
        lastStatus = response == null ? CallEvents.NO_STATUS : response.status();
        lastHeaders = response == null ? null : response.headers();
        Exchange<T> exchange = Exchange.of(response, error, sentToken != null, request, reply, context.clock());
        if (response != null) {
            context.pacer().heard(request.call().appId(), started, response, exchange, context.clock());
        }
        Decision.State state = new Decision.State(attempt, request.operation(), answerLost,
                sentToken != null && !tokenRefreshed && context.tokens().canRefresh());
        answerLost |= exchange instanceof Exchange.Failed<T> failed && failed.answerLost();
        act(Decision.next(exchange, reply, state, context.policy(), context.random()), attempt, started, sentToken);
    }

    private void act(Decision<T> decision, int attempt, long started, String sentToken) {
        if (decision instanceof Decision.Succeed<T> success) {
            attemptEnded(attempt, started, null, null);
            result.complete(success.value());
        } else if (decision instanceof Decision.Absent<T> absent) {
            attemptEnded(attempt, started, absent.notFound(), null);
            reported = absent.notFound();
            result.complete(absent.value());
        } else if (decision instanceof Decision.RepeatWithNewToken<T> repeat) {
            context.tokens().invalidate(sentToken);
            tokenRefreshed = true;
            attemptEnded(attempt, started, repeat.unauthorized(), Duration.ZERO);
            attempt(attempt);
        } else if (decision instanceof Decision.Retry<T> retry) {
            attemptEnded(attempt, started, retry.failure(), retry.delay());
            if (failures == null) {
                failures = new ArrayList<>();
            }
            failures.add(retry.failure());
            CompletableFuture<Void> wait = context.scheduler().after(retry.delay());
            track(wait);
            wait.thenRun(() -> attempt(attempt + 1));
        } else if (decision instanceof Decision.Fail<T> failure) {
            attemptEnded(attempt, started, failure.failure(), null);
            fail(failure.failure());
        } else {
            result.completeExceptionally(((Decision.Abandon<T>) decision).cause());
        }
    }

    private void fail(SpiceException failure) {
        for (SpiceException earlier : failures == null ? List.<SpiceException>of() : failures) {
            if (earlier != failure) {
                failure.addSuppressed(earlier);
            }
        }
        result.completeExceptionally(failure);
    }

    private void track(CompletableFuture<?> waitingOn) {
        current = waitingOn;
        if (result.isCompletedExceptionally()) {
            waitingOn.cancel(true);
        }
    }

    /** @param retryDelay the wait before the next attempt, or null if there is none */
    private void attemptEnded(int attempt, long started, SpiceException failure, Duration retryDelay) {
        context.events().attemptEnded(request, attempt, context.policy().maxAttempts(), lastStatus, lastHeaders,
                failure, retryDelay, started);
    }
}
