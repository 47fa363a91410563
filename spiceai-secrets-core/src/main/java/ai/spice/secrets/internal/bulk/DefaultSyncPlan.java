package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.bulk.SyncOptions;
import ai.spice.secrets.bulk.SyncPlan;
import ai.spice.secrets.bulk.SyncResult;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.internal.call.Futures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link SyncPlan}: four lists of names worked out once, and the desired values to apply. */
final class DefaultSyncPlan implements SyncPlan {

    private final AsyncSecretsClient client;
    private final long appId;
    private final SyncOptions options;
    private final Map<String, SecretValue> desired;
    private final List<String> toCreate = new ArrayList<>();
    private final List<String> toUpdate = new ArrayList<>();
    private final List<String> toDelete = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();

    /** {@code desired} is already checked and copied; {@code present} are the app's names as listed. */
    DefaultSyncPlan(AsyncSecretsClient client, long appId, SyncOptions options, Map<String, SecretValue> desired,
                    Collection<String> present) {
        this.client = client;
        this.appId = appId;
        this.options = options;
        this.desired = desired;
        Set<String> existing = new LinkedHashSet<>(present);
        for (String name : desired.keySet()) {
            if (!existing.contains(name)) {
                toCreate.add(name);
            } else if (!options.createOnly()) {
                toUpdate.add(name);
            }
        }
        for (String name : existing) {
            boolean wanted = desired.containsKey(name);
            if (!wanted && options.prune()) {
                toDelete.add(name);
            } else if (!wanted || options.createOnly()) {
                unchanged.add(name);
            }
        }
    }

    @Override
    public long appId() {
        return appId;
    }

    @Override
    public SyncOptions options() {
        return options;
    }

    @Override
    public List<String> toCreate() {
        return List.copyOf(toCreate);
    }

    @Override
    public List<String> toUpdate() {
        return List.copyOf(toUpdate);
    }

    @Override
    public List<String> toDelete() {
        return List.copyOf(toDelete);
    }

    @Override
    public List<String> unchanged() {
        return List.copyOf(unchanged);
    }

    @Override
    public SyncResult apply() {
        return Futures.await(applyAsync());
    }

    CompletableFuture<SyncResult> applyAsync() {
        if (options.dryRun()) {
            return CompletableFuture.completedFuture(
                    new SyncResult(List.of(), List.of(), List.of(), Map.of(), List.of(), true));
        }
        Set<String> changed = new LinkedHashSet<>(toCreate);
        changed.addAll(toUpdate);
        List<String> writes = desired.keySet().stream().filter(changed::contains).toList();
        ProgressReporter progress = new ProgressReporter(options.bulk().progress(), writes.size() + toDelete.size());
        // Cancelling the result (as an interrupted apply() does) cancels whichever phase is running.
        AtomicReference<CompletableFuture<?>> phase = new AtomicReference<>();
        CompletableFuture<BoundedRunner.Outcome<Secret>> upserts = BoundedRunner.run(writes,
                name -> client.upsert(appId, name, desired.get(name)), options.bulk(), progress);
        phase.set(upserts);
        CompletableFuture<SyncResult> result = upserts.thenCompose(written -> {
            if (!written.failed().isEmpty() || !written.skipped().isEmpty()) {
                return CompletableFuture.completedFuture(result(written, null));
            }
            CompletableFuture<BoundedRunner.Outcome<Boolean>> deletes = BoundedRunner.run(toDelete,
                    name -> client.deleteIfExists(appId, name), options.bulk(), progress);
            phase.set(deletes);
            return deletes.thenApply(deleted -> result(written, deleted));
        });
        result.whenComplete((done, error) -> {
            if (result.isCancelled()) {
                phase.get().cancel(true);
            }
        });
        return result;
    }

    /** {@code deleted} is null when the deletes were not started. */
    private SyncResult result(BoundedRunner.Outcome<?> written, BoundedRunner.Outcome<Boolean> deleted) {
        Map<String, SpiceException> failed = new LinkedHashMap<>(written.failed());
        List<String> skipped = new ArrayList<>(written.skipped());
        if (deleted == null) {
            skipped.addAll(toDelete);
        } else {
            failed.putAll(deleted.failed());
            skipped.addAll(deleted.skipped());
        }
        return new SyncResult(
                toCreate.stream().filter(written.succeeded()::containsKey).toList(),
                toUpdate.stream().filter(written.succeeded()::containsKey).toList(),
                deleted == null ? List.of() : List.copyOf(deleted.succeeded().keySet()),
                failed, skipped, false);
    }

    @Override
    public String toString() {
        StringBuilder diff = new StringBuilder();
        toCreate.forEach(name -> diff.append("+ ").append(name).append('\n'));
        toUpdate.forEach(name -> diff.append("~ ").append(name).append('\n'));
        toDelete.forEach(name -> diff.append("- ").append(name).append('\n'));
        return diff.append("Plan for app ").append(appId).append(": ")
                .append(toCreate.size()).append(" to create, ")
                .append(toUpdate.size()).append(" to update, ")
                .append(toDelete.size()).append(" to delete, ")
                .append(unchanged.size()).append(" unchanged")
                .append(options.dryRun() ? " (dry run: apply changes nothing)" : "")
                .toString();
    }
}
