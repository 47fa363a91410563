package ai.spice.secrets.internal.call;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.OperationCompleted;
import ai.spice.secrets.OperationStarted;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.internal.http.ApiRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a call tells the world: the registered listeners' events, each listener guarded, and the one DEBUG line per
 * attempt (method, path, status, attempt, elapsed ms; never a body, a header or a value). Thread-safe.
 */
public final class CallEvents {

    private static final Logger LOG = LoggerFactory.getLogger("ai.spice.secrets");

    private final List<Guarded<SecretsListener>> listeners;

    public CallEvents(List<SecretsListener> listeners) {
        this.listeners = listeners.stream().map(listener -> new Guarded<>(listener, "SecretsListener")).toList();
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
     * @param failure    what it failed with, or null on success
     * @param retryDelay the wait before the next attempt (zero for a repeat with a new token), or empty
     */
    void attemptEnded(ApiRequest request, int attempt, int maxAttempts, OptionalInt status, Optional<String> requestId,
                      Throwable failure, Optional<Duration> retryDelay, Duration took) {
        Optional<String> failureType = Optional.ofNullable(failure).map(f -> f.getClass().getSimpleName());
        if (LOG.isDebugEnabled()) {
            String outcome = status.isPresent() ? String.valueOf(status.getAsInt()) : failureType.orElse("?");
            LOG.debug("{} {} -> {} (attempt {}/{}, {} ms){}", request.method(), request.path(), outcome, attempt,
                    maxAttempts, took.toMillis(), retryDelay.map(d -> d.isZero() && failure != null
                            && status.orElse(0) == 401 ? "; repeating once with a new token"
                            : "; retrying in " + d.toMillis() + " ms").orElse(""));
        }
        if (!listeners.isEmpty()) {
            AttemptCompleted event = new AttemptCompleted(request.call(), attempt, status, failureType, took,
                    requestId, retryDelay);
            listeners.forEach(guarded -> guarded.call(listener -> listener.attemptCompleted(event)));
        }
    }

    /** @param failure what the operation ended with (a 404 read as absence included), or null on success */
    void completed(ApiRequest request, int attempts, OptionalInt status, Optional<String> requestId, Throwable failure,
                   Duration took) {
        if (!listeners.isEmpty()) {
            OperationCompleted event = new OperationCompleted(request.call(), attempts, status,
                    Optional.ofNullable(failure).map(f -> f.getClass().getSimpleName()), took, requestId);
            listeners.forEach(guarded -> guarded.call(listener -> listener.operationCompleted(event)));
        }
    }
}
