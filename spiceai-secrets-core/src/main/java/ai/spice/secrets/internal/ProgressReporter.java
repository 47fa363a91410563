package ai.spice.secrets.internal;

import ai.spice.secrets.bulk.BulkProgressListener;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the secrets a bulk operation is done with and tells the listener, one call at a time so that the counts it
 * hears only go up. Shared by the phases of a sync so that the count runs on from upserts to deletes. A
 * {@link ReentrantLock}, not a monitor, so that a virtual thread waiting here does not pin its carrier.
 */
final class ProgressReporter {

    private final BulkProgressListener listener;
    private final int total;
    private final ReentrantLock lock = new ReentrantLock();
    private int done;
    private boolean warned;

    ProgressReporter(BulkProgressListener listener, int total) {
        this.listener = listener;
        this.total = total;
    }

    void report(String name) {
        lock.lock();
        try {
            done++;
            listener.onProgress(done, total, name);
        } catch (RuntimeException e) {
            if (!warned) {
                warned = true;
                RetryingExecutor.LOG.warn("BulkProgressListener {} threw; its failures are ignored and only this first"
                        + " one is logged", listener.getClass().getName(), e);
            }
        } finally {
            lock.unlock();
        }
    }
}
