package ai.spice.secrets.internal;

import ai.spice.secrets.errors.SpiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * One operation in progress: its attempts run one after another, each started by the previous one's outcome, so
 * the mutable state below is only touched by one thread at a time.
 */
final class Call<T> {

    final CompletableFuture<T> result = new CompletableFuture<>();
    private final ApiRequest request;
    private final ResponseReader<T> reader;
    private final RetryingExecutor executor;
    private final List<SpiceException> failures = new ArrayList<>();
    private volatile CompletableFuture<?> current;
    private boolean tokenRefreshed;

    Call(ApiRequest request, ResponseReader<T> reader, RetryingExecutor executor) {
        this.request = request;
        this.reader = reader;
        this.executor = executor;
        // Cancelling (or closing) the call aborts whatever it is waiting on: a request or a retry delay.
        result.whenComplete((value, error) -> {
            CompletableFuture<?> waiting = current;
            if (waiting != null && error != null) {
                waiting.cancel(true);
            }
        });
    }

    void attempt(int attempt) {
        if (result.isDone()) {
            return;
        }
        long started = System.nanoTime();
        String[] token = new String[1];
        CompletableFuture<String> bearerToken = executor.tokens().token();
        track(bearerToken);
        CompletableFuture<RawResponse> exchange = bearerToken.thenCompose(bearer -> {
            token[0] = bearer;
            CompletableFuture<RawResponse> sent = executor.transport().send(executor.requests().apiRequest(request, bearer));
            track(sent);
            return sent;
        });
        exchange.whenComplete((response, error) -> onOutcome(attempt, started, token[0], response, error));
    }

    private void onOutcome(int attempt, long started, String token, RawResponse response, Throwable error) {
        if (result.isDone()) {
            return;
        }
        if (error != null && TransportFailure.unwrap(error) instanceof CancellationException) {
            result.completeExceptionally(TransportFailure.unwrap(error));
            return;
        }
        SpiceException failure;
        Optional<Duration> hint = Optional.empty();
        if (error != null) {
            failure = TransportFailure.toSpiceException(error, request.toString());
        } else if (response.isSuccess()) {
            try {
                T value = reader.read(response, request);
                log(attempt, started, String.valueOf(response.status()), null);
                result.complete(value);
                return;
            } catch (SpiceException e) {
                failure = e;
            }
        } else {
            failure = ErrorMapper.map(response, request.method(), request.path(),
                    request.operation().requiredScope(), executor.clock().instant());
            if (response.status() == 401 && !tokenRefreshed && token != null && executor.tokens().invalidate(token)) {
                tokenRefreshed = true;
                log(attempt, started, "401", "repeating once with a new token");
                attempt(attempt);
                return;
            }
            hint = ServerHint.from(response.headers(), executor.clock().instant());
        }
        Optional<Duration> delay = RetryRules.next(failure, attempt, executor.policy(), hint, executor.nextRandom());
        String outcome = response != null ? String.valueOf(response.status()) : failure.getClass().getSimpleName();
        if (delay.isEmpty()) {
            log(attempt, started, outcome, null);
            fail(failure);
            return;
        }
        log(attempt, started, outcome, "retrying in " + delay.get().toMillis() + " ms");
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

    private void log(int attempt, long started, String outcome, String next) {
        if (RetryingExecutor.LOG.isDebugEnabled()) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            RetryingExecutor.LOG.debug("{} {} -> {} (attempt {}/{}, {} ms){}", request.method(), request.path(),
                    outcome, attempt, executor.policy().maxAttempts(), millis, next == null ? "" : "; " + next);
        }
    }
}
