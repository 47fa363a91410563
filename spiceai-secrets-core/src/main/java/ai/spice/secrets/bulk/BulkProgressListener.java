package ai.spice.secrets.bulk;

/**
 * Hears of each secret a bulk operation has finished with, successfully or not. It is told the secret's name, never
 * its value.
 *
 * <p>Calls are made one at a time, never concurrently, with {@code done} counting up by one from 1, in the order the
 * operations finish (not the order of the input); it reaches {@code total} unless secrets were skipped after a
 * failure, which are not reported. In a sync the count runs on from the writes to the deletes.
 *
 * <p>A call runs on the thread that completed the secret's request: usually a thread of the HTTP client's executor
 * (or of its retry scheduler), sometimes the thread that started the bulk operation. So a listener must be quick and
 * must not block (hand slow work to your own executor). A listener that throws changes nothing: the operation goes on,
 * and only the first such exception is logged (at WARN, on the {@code ai.spice.secrets} logger).
 *
 * <pre>{@code
 * BulkOptions options = BulkOptions.builder()
 *         .progress((done, total, name) -> System.out.printf("%d/%d %s%n", done, total, name))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface BulkProgressListener {

    /**
     * Called once a secret is done with: stored, failed after its retries, or deleted.
     *
     * @param done  how many secrets are done with so far, this one included: 1 to {@code total}
     * @param total how many secrets the operation will attempt in all
     * @param name  the name of the secret just done with
     */
    void onProgress(int done, int total, String name);

    /**
     * A listener that does nothing: the default.
     *
     * @return the no-op listener
     */
    static BulkProgressListener none() {
        return (done, total, name) -> { };
    }
}
