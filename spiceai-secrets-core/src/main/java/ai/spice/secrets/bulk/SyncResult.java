package ai.spice.secrets.bulk;

import ai.spice.secrets.errors.BulkFailureException;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.internal.names.NamedMaps;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link SyncPlan#apply()} did: the secrets created, updated and deleted, those that failed and why, and those
 * not attempted (after a failure). A dry run changes nothing: its lists are empty and {@link #dryRun()} is true.
 *
 * <p>Immutable and thread-safe. Holds names and exceptions only, never a value.
 *
 * @param created the secrets created, in the order of the plan
 * @param updated the secrets written again, in the order of the plan
 * @param deleted the secrets deleted (or found already gone), in the order of the plan
 * @param failed  each failed secret's exception (after its retries), by name
 * @param skipped the names not attempted: after a failure, or every delete once a write has failed
 * @param dryRun  whether this is the result of a dry run, which sends nothing
 */
public record SyncResult(List<String> created, List<String> updated, List<String> deleted,
                         Map<String, SpiceException> failed, List<String> skipped, boolean dryRun) {

    /**
     * Copies the collections, keeping their order.
     *
     * @param created the secrets created
     * @param updated the secrets written again
     * @param deleted the secrets deleted
     * @param failed  each failed secret's exception, by name
     * @param skipped the names not attempted
     * @param dryRun  whether this is the result of a dry run
     * @throws NullPointerException if a collection, a name or an exception is null
     */
    public SyncResult {
        created = List.copyOf(Objects.requireNonNull(created, "created"));
        updated = List.copyOf(Objects.requireNonNull(updated, "updated"));
        deleted = List.copyOf(Objects.requireNonNull(deleted, "deleted"));
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
        failed = NamedMaps.copy(failed, "failed");
    }

    /**
     * How many secrets were changed: created, updated or deleted.
     *
     * @return the count
     */
    public int changeCount() {
        return created.size() + updated.size() + deleted.size();
    }

    /**
     * Tells whether every planned change was made (always true for a dry run).
     *
     * @return true if nothing failed and nothing was skipped
     */
    public boolean isSuccess() {
        return failed.isEmpty() && skipped.isEmpty();
    }

    /**
     * Returns this result if nothing failed, and throws otherwise.
     *
     * @return this result
     * @throws BulkFailureException if a secret failed; the message lists the failed names and exception types
     */
    public SyncResult throwIfFailed() {
        if (!failed.isEmpty()) {
            throw new BulkFailureException(failed, changeCount() + failed.size() + skipped.size());
        }
        return this;
    }

    /**
     * Shows the counts and the failed and skipped names, never a value.
     *
     * @return e.g. {@code SyncResult[created=2, updated=5, deleted=1, failed=0, skipped=0]}
     */
    @Override
    public String toString() {
        return "SyncResult[" + (dryRun ? "dry run, nothing changed, " : "") + "created=" + created.size()
                + ", updated=" + updated.size() + ", deleted=" + deleted.size() + ", "
                + BulkText.failedAndSkipped(failed, skipped) + "]";
    }
}
