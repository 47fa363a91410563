package ai.spice.secrets.internal;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.OperationCompleted;
import ai.spice.secrets.OperationStarted;
import ai.spice.secrets.SecretsListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The registered listeners, each guarded so that one that throws never changes a call's outcome. */
final class Listeners {

    private final List<Guarded> listeners;

    Listeners(List<SecretsListener> listeners) {
        this.listeners = listeners.stream().map(Guarded::new).toList();
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }

    void started(OperationStarted event) {
        listeners.forEach(guarded -> guarded.call(listener -> listener.operationStarted(event)));
    }

    void attempt(AttemptCompleted event) {
        listeners.forEach(guarded -> guarded.call(listener -> listener.attemptCompleted(event)));
    }

    void completed(OperationCompleted event) {
        listeners.forEach(guarded -> guarded.call(listener -> listener.operationCompleted(event)));
    }

    private static final class Guarded {
        private final SecretsListener listener;
        private final AtomicBoolean warned = new AtomicBoolean();

        Guarded(SecretsListener listener) {
            this.listener = listener;
        }

        void call(Consumer<SecretsListener> event) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                if (warned.compareAndSet(false, true)) {
                    RetryingExecutor.LOG.warn("SecretsListener {} threw; its failures are ignored and only this first one"
                            + " is logged", listener.getClass().getName(), e);
                }
            }
        }
    }
}
