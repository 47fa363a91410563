package ai.spice.secrets.bulk;

import ai.spice.secrets.Secret;
import ai.spice.secrets.errors.BulkFailureException;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.internal.names.NamedMaps;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a bulk upsert did, secret by secret: which were stored, which failed and why, and which were never attempted
 * because the operation stopped at a failure ({@link FailureMode#STOP_AT_FIRST_FAILURE}). Each secret of the input
 * is in exactly one of the three. No value is held or printed: stored secrets carry the API's mask.
 *
 * <pre>{@code
 * BulkResult result = client.upsertAll(appId, secrets);
 * result.failed().forEach((name, error) -> log.warn("{} failed: {}", name, error.getMessage()));
 * result.throwIfFailed();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param succeeded each stored secret, by name, in the order of the input
 * @param failed    each failed secret's exception (after its retries), by name, in the order of the input
 * @param skipped   the names never attempted, in the order of the input
 */
public record BulkResult(Map<String, Secret> succeeded, Map<String, SpiceException> failed, List<String> skipped) {

    /**
     * Copies the collections, keeping their order.
     *
     * @param succeeded each stored secret, by name
     * @param failed    each failed secret's exception, by name
     * @param skipped   the names never attempted
     * @throws NullPointerException     if a collection, a name or an entry is null
     * @throws IllegalArgumentException if a name is in more than one of the three
     */
    public BulkResult {
        succeeded = NamedMaps.copy(succeeded, "succeeded");
        failed = NamedMaps.copy(failed, "failed");
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
        for (String name : failed.keySet()) {
            if (succeeded.containsKey(name)) {
                throw new IllegalArgumentException(name + " is both succeeded and failed");
            }
        }
        for (String name : skipped) {
            if (succeeded.containsKey(name) || failed.containsKey(name)) {
                throw new IllegalArgumentException(name + " is both skipped and attempted");
            }
        }
    }

    /**
     * How many secrets the operation covered: succeeded, failed and skipped.
     *
     * @return the total
     */
    public int total() {
        return succeeded.size() + failed.size() + skipped.size();
    }

    /**
     * How many secrets were stored.
     *
     * @return the size of {@link #succeeded()}
     */
    public int successCount() {
        return succeeded.size();
    }

    /**
     * How many secrets failed.
     *
     * @return the size of {@link #failed()}
     */
    public int failureCount() {
        return failed.size();
    }

    /**
     * Tells whether every secret was stored.
     *
     * @return true if nothing failed and nothing was skipped
     */
    public boolean isSuccess() {
        return failed.isEmpty() && skipped.isEmpty();
    }

    /**
     * Returns this result if every secret was stored, and throws otherwise.
     *
     * @return this result
     * @throws BulkFailureException if a secret failed; the message lists the failed names and exception types
     * @throws IllegalStateException if nothing failed but some secrets were skipped (possible only for a result
     *                              made by hand: the SDK skips secrets only after a failure)
     */
    public BulkResult throwIfFailed() {
        if (!failed.isEmpty()) {
            throw new BulkFailureException(failed, total());
        }
        if (!skipped.isEmpty()) {
            throw new IllegalStateException(skipped.size() + " of " + total() + " secrets were not attempted");
        }
        return this;
    }

    /**
     * Shows the counts and the failed and skipped names, never a value.
     *
     * @return e.g. {@code BulkResult[total=3, succeeded=1, failed=1 {B_KEY=BadRequestException}, skipped=1 [C_KEY]]}
     */
    @Override
    public String toString() {
        return "BulkResult[total=" + total() + ", succeeded=" + succeeded.size() + ", "
                + BulkText.failedAndSkipped(failed, skipped) + "]";
    }
}
