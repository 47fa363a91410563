package ai.spice.secrets.internal.call;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.OperationCompleted;
import ai.spice.secrets.OperationStarted;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.internal.http.ApiRequest;
import ai.spice.secrets.internal.http.ErrorMapper;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a call tells the world: the registered listeners' events, each listener guarded, and the one DEBUG line per
 * attempt (method, path, status, attempt, elapsed ms; never a body, a header or a value). Nothing of an event (its
 * {@code Optional}s, {@code Duration}s, request id) is built unless a listener or the DEBUG line takes it. Thread-safe.
 */
public final class CallEvents {

    private static final Logger LOG = LoggerFactory.getLogger("ai.spice.secrets");

    /** A status not had: the attempt got no answer. */
    static final int NO_STATUS = -1;

    private final List<Guarded<SecretsListener>> listeners;

    public CallEvents(List<SecretsListener> listeners) {
        this.listeners = listeners.stream().map(listener -> new Guarded<>(listener, "SecretsListener")).toList();
    }

    /** Whether anything takes the events' times: a call that no one times reads no clock for them. */
    boolean timed() {
        return !listeners.isEmpty() || LOG.isDebugEnabled();
    }

    /** {@code System.nanoTime()} if {@link #timed()}, else 0 (read as "not timed"). */
    long now() {
        return timed() ? System.nanoTime() : 0L;
    }

    void started(ApiRequest request, Clock clock) {
        if (!listeners.isEmpty()) {
            OperationStarted event = new OperationStarted(request.call(), clock.instant());
            listeners.forEach(guarded -> guarded.call(listener -> listener.operationStarted(event)));
        }
    }

    /**
     * An attempt ended.
     *
     * @param status       the answer's status, or {@link #NO_STATUS}
     * @param headers      the answer's headers (for its request id), or null
     * @param failure      what it failed with, or null on success
     * @param retryDelay   the wait before the next attempt (zero for a repeat with a new token), or null
     * @param startedNanos {@link #now()} when the attempt started
     */
    void attemptEnded(ApiRequest request, int attempt, int maxAttempts, int status, HttpHeaders headers,
                      Throwable failure, Duration retryDelay, long startedNanos) {
        boolean debug = LOG.isDebugEnabled();
        if (!debug && listeners.isEmpty()) {
            return;
        }
        Duration took = since(startedNanos);
        Optional<String> failureType = Optional.ofNullable(failure).map(f -> f.getClass().getSimpleName());
        if (debug) {
            String outcome = status != NO_STATUS ? String.valueOf(status) : failureType.orElse("?");
            LOG.debug("{} {} -> {} (attempt {}/{}, {} ms){}", request.method(), request.path(), outcome, attempt,
                    maxAttempts, took.toMillis(), retryDelay == null ? "" : retryDelay.isZero() && failure != null
                            && status == 401 ? "; repeating once with a new token"
                            : "; retrying in " + retryDelay.toMillis() + " ms");
        }
        if (!listeners.isEmpty()) {
            AttemptCompleted event = new AttemptCompleted(request.call(), attempt, status(status), failureType, took,
                    requestId(headers), Optional.ofNullable(retryDelay));
            listeners.forEach(guarded -> guarded.call(listener -> listener.attemptCompleted(event)));
        }
    }

    /**
     * The operation ended.
     *
     * @param status       the last answer's status, or {@link #NO_STATUS}
     * @param headers      the last answer's headers, or null
     * @param failure      what the operation ended with (a 404 read as absence included), or null on success
     * @param startedNanos {@link #now()} when the operation started
     */
    void completed(ApiRequest request, int attempts, int status, HttpHeaders headers, Throwable failure,
                   long startedNanos) {
        if (!listeners.isEmpty()) {
            OperationCompleted event = new OperationCompleted(request.call(), attempts, status(status),
                    Optional.ofNullable(failure).map(f -> f.getClass().getSimpleName()), since(startedNanos),
                    requestId(headers));
            listeners.forEach(guarded -> guarded.call(listener -> listener.operationCompleted(event)));
        }
    }

    /** Zero for a start that was not timed (the DEBUG level was switched on meanwhile). */
    private static Duration since(long startedNanos) {
        return startedNanos == 0L ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static OptionalInt status(int status) {
        return status == NO_STATUS ? OptionalInt.empty() : OptionalInt.of(status);
    }

    private static Optional<String> requestId(HttpHeaders headers) {
        return headers == null ? Optional.empty() : ErrorMapper.requestId(headers);
    }
}
