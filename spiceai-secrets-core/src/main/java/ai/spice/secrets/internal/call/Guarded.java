package ai.spice.secrets.internal.call;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener of the application's, called so that one that throws never changes what the SDK does: its failures are
 * ignored and the first one is logged as a WARN. Thread-safe.
 */
public final class Guarded<L> {

    private static final Logger LOG = LoggerFactory.getLogger("ai.spice.secrets");

    private final L listener;
    private final String kind;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param kind the listener's interface, for the warning: {@code "SecretsListener"} */
    public Guarded(L listener, String kind) {
        this.listener = listener;
        this.kind = kind;
    }

    /** Tells the listener of an event. */
    public void call(Consumer<L> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("{} {} threw; its failures are ignored and only this first one is logged", kind,
                        listener.getClass().getName(), e);
            }
        }
    }
}
