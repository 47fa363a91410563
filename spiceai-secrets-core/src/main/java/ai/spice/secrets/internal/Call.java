package ai.spice.secrets.internal;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.OperationCompleted;
import ai.spice.secrets.OperationStarted;
import ai.spice.secrets.SecretsOperation;
import ai.spice.secrets.errors.SpiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * One operation in progress: its attempts run one after another, each started by the previous one's outcome, so
 * the mutable state below is only touched by one thread at a time.
 */
final class Call<T> {

    /** Completed by the attempts; {@link #outcome} follows it once the listeners have heard. */
    final CompletableFuture<T> result = new CompletableFuture<>();
    final CompletableFuture<T> outcome;
    private final ApiRequest request;
    private final ResponseReader<T> reader;
    private final RetryingExecutor executor;
    private final List<SpiceException> failures = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private volatile CompletableFuture<?> current;
    private boolean tokenRefreshed;
    /** A synchronous method waits for this call on the thread that started it. */
    private final boolean callerWaits;
    /** An earlier attempt's request left, and its answer was lost: the server may have acted on it. */
    private boolean answerLost;
    private int attemptsMade;
    private OptionalInt lastStatus = OptionalInt.empty();
    private Optional<String> lastRequestId = Optional.empty();

    Call(ApiRequest request, ResponseReader<T> reader, RetryingExecutor executor, boolean callerWaits) {
        this.callerWaits = callerWaits;
        this.request = request;
        this.reader = reader;
        this.executor = executor;
        // Cancelling (or closing) the call aborts whatever it is waiting on: a request or a retry delay. This stage is
        // never handed out: a stage the caller cancels itself would skip its action, leaving the request or the wait
        // running and the listeners never told that the operation ended.
        CompletableFuture<T> heard = result.whenComplete((value, error) -> {
            CompletableFuture<?> waiting = current;
            if (waiting != null && error != null) {
                waiting.cancel(true);
            }
            executor.listeners().completed(new OperationCompleted(request.call(), attemptsMade, lastStatus,
                    Optional.ofNullable(error).map(e -> TransportFailure.unwrap(e).getClass().getSimpleName()),
                    Duration.ofNanos(System.nanoTime() - startedNanos), lastRequestId));
        });
        this.outcome = Futures.linked(result, heard.thenApply(value -> value));
        executor.listeners().started(new OperationStarted(request.call(), executor.clock().instant()));
    }

    void attempt(int attempt) {
        if (result.isDone()) {
            return;
        }
        long started = System.nanoTime();
        attemptsMade++;
        String[] token = new String[1];
        CompletableFuture<String> bearerToken = executor.tokens().token();
        if (callerWaits && attempt == 1 && bearerToken.isDone() && !bearerToken.isCompletedExceptionally()) {
            sendHere(attempt, started, bearerToken.join());
            return;
        }
        track(bearerToken);
        CompletableFuture<RawResponse> exchange = bearerToken.thenCompose(bearer -> {
            if (!RequestFactory.canCarry(bearer)) {
                throw unsendableToken();
            }
            token[0] = bearer;
            CompletableFuture<RawResponse> sent = executor.transport().send(executor.requests().apiRequest(request, bearer));
            track(sent);
            return sent;
        });
        exchange.whenComplete((response, error) -> onOutcome(attempt, started, token[0], response, error));
    }

    /**
     * A synchronous call's first attempt, on the caller's thread with the transport's blocking send: the JDK's async
     * send hands every answer to another thread (a new one per answer on a 2-core machine), which doubled the cost of a
     * small call. Retries, and calls whose token is still being fetched, go the asynchronous way.
     */
    private void sendHere(int attempt, long started, String bearer) {
        if (!RequestFactory.canCarry(bearer)) {
            onOutcome(attempt, started, null, null, unsendableToken());
            return;
        }
        java.net.http.HttpRequest http = executor.requests().apiRequest(request, bearer);
        RawResponse response = null;
        Throwable error = null;
        try (BlockingAttempt watch = executor.blockingAttempt(http.timeout().orElse(null))) {
            try {
                response = executor.transport().sendAndWait(http);
            } catch (InterruptedException e) {
                error = watch.interruption(e);
            } catch (java.io.IOException | RuntimeException e) {
                error = e;
            }
        }
        onOutcome(attempt, started, bearer, response, error);
    }

    /** Never handed to the JDK, whose refusal would quote the whole header, token and all. */
    private static CredentialsException unsendableToken() {
        return new CredentialsException("the bearer token holds characters an HTTP header cannot carry", null);
    }

    private void onOutcome(int attempt, long started, String token, RawResponse response, Throwable error) {
        if (result.isDone()) {
            return;
        }
        if (error != null && TransportFailure.unwrap(error) instanceof CancellationException) {
            result.completeExceptionally(TransportFailure.unwrap(error));
            return;
        }
        lastStatus = response == null ? OptionalInt.empty() : OptionalInt.of(response.status());
        lastRequestId = response == null ? Optional.empty() : ErrorMapper.requestId(response.headers());
        SpiceException failure;
        Optional<Duration> hint = Optional.empty();
        if (error != null) {
            failure = TransportFailure.toSpiceException(error, request.toString());
            answerLost |= token != null && RetryRules.mayHaveBeenApplied(failure);
        } else if (response.isSuccess()) {
            try {
                T value = reader.read(response, request);
                attemptEnded(attempt, started, null, Optional.empty());
                result.complete(value);
                return;
            } catch (SpiceException e) {
                failure = e;
            }
        } else {
            failure = ErrorMapper.map(response, request.method(), request.path(),
                    request.operation().requiredScope(), executor.clock().instant());
            if (answerLost && request.operation() == SecretsOperation.DELETE && RetryingExecutor.isMissingSecret(failure)) {
                // The secret is gone because an earlier attempt deleted it and its answer was lost: that is success.
                attemptEnded(attempt, started, null, Optional.empty());
                result.complete(reader.read(response, request));
                return;
            }
            if (response.status() == 401 && !tokenRefreshed && token != null && executor.tokens().invalidate(token)) {
                tokenRefreshed = true;
                attemptEnded(attempt, started, failure, Optional.of(Duration.ZERO));
                attempt(attempt);
                return;
            }
            hint = ServerHint.from(response.headers(), executor.clock().instant());
        }
        Optional<Duration> delay = RetryRules.next(failure, attempt, executor.policy(), hint, executor.nextRandom());
        attemptEnded(attempt, started, failure, delay);
        if (delay.isEmpty()) {
            fail(failure);
            return;
        }
        failures.add(failure);
        CompletableFuture<Void> wait = executor.scheduler().after(delay.get());
        track(wait);
        wait.thenRun(() -> attempt(attempt + 1));
    }

    private void fail(SpiceException failure) {
        for (SpiceException earlier : failures) {
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

    /** The one DEBUG line per attempt, and the listeners' attempt event. */
    private void attemptEnded(int attempt, long started, SpiceException failure, Optional<Duration> retryDelay) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Optional<String> failureType = Optional.ofNullable(failure).map(f -> f.getClass().getSimpleName());
        if (RetryingExecutor.LOG.isDebugEnabled()) {
            String outcome = lastStatus.isPresent() ? String.valueOf(lastStatus.getAsInt()) : failureType.orElse("?");
            RetryingExecutor.LOG.debug("{} {} -> {} (attempt {}/{}, {} ms){}", request.method(), request.path(), outcome,
                    attempt, executor.policy().maxAttempts(), took.toMillis(),
                    retryDelay.map(d -> d.isZero() && failure != null && lastStatus.orElse(0) == 401
                            ? "; repeating once with a new token" : "; retrying in " + d.toMillis() + " ms").orElse(""));
        }
        if (!executor.listeners().isEmpty()) {
            executor.listeners().attempt(new AttemptCompleted(request.call(), attempt, lastStatus, failureType, took,
                    lastRequestId, retryDelay));
        }
    }
}
