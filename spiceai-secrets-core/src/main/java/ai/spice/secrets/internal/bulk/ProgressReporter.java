package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.bulk.BulkProgressListener;
import ai.spice.secrets.internal.call.Guarded;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the secrets a bulk operation is done with and tells the listener, one call at a time so that the counts it
 * hears only go up. Shared by the phases of a sync so that the count runs on from upserts to deletes. A
 * {@link ReentrantLock}, not a monitor, so that a virtual thread waiting here does not pin its carrier.
 */
final class ProgressReporter {

    private final Guarded<BulkProgressListener> listener;
    private final int total;
    private final ReentrantLock lock = new ReentrantLock();
    private int done;

    ProgressReporter(BulkProgressListener listener, int total) {
        this.listener = new Guarded<>(listener, "BulkProgressListener");
        this.total = total;
    }

    void report(String name) {
        lock.lock();
        try {
            int count = ++done;
            listener.call(progress -> progress.onProgress(count, total, name));
        } finally {
            lock.unlock();
        }
    }
}
