package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.Secret;
import ai.spice.secrets.bulk.SecretDiff;
import ai.spice.secrets.bulk.SyncOptions;
import ai.spice.secrets.bulk.SyncResult;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SyncRefusedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Carries out a {@link DefaultSyncPlan}: the guardrails first (nothing is sent if one refuses), then a fresh listing
 * when the plan deletes or skips secrets (refusing if one of those changed since the plan), then the writes, then,
 * only if every write succeeded, the deletes; each confirmed write and delete goes to the ledger as it comes.
 */
final class SyncApplier {

    private final DefaultSyncPlan plan;
    private final DefaultSyncPlan.Inputs inputs;
    private final AsyncSecretsClient client;
    /** Made once the guardrails pass, so that a refused or empty apply creates no key file. */
    private Optional<LedgerRecorder> recorder = Optional.empty();

    SyncApplier(DefaultSyncPlan plan) {
        this.plan = plan;
        this.inputs = plan.inputs();
        this.client = inputs.client();
    }

    /** Why applying this plan is refused before anything is sent, if it is. */
    static Optional<SyncRefusedException> refusal(DefaultSyncPlan plan) {
        SyncOptions options = plan.options();
        List<String> deletes = plan.toDelete();
        int present = plan.listed().size();
        if (deletes.size() > options.maxDeletes()
                || (present > 0 && (double) deletes.size() / present > options.maxDeleteFraction())) {
            return Optional.of(new SyncRefusedException(SyncRefusedException.Reason.TOO_MANY_DELETES,
                    deletes.size() + " of the app's " + present + " secrets; the limit is " + limits(options), deletes));
        }
        List<String> drifted = plan.toUpdate().stream().filter(name -> plan.diff().get(name) == SecretDiff.DRIFTED)
                .toList();
        if (options.refuseDrifted() && !drifted.isEmpty()) {
            return Optional.of(new SyncRefusedException(SyncRefusedException.Reason.DRIFTED,
                    drifted.size() + " drifted, and the options refuse to overwrite them", drifted));
        }
        return Optional.empty();
    }

    CompletableFuture<SyncResult> apply() {
        if (inputs.options().dryRun()) {
            return CompletableFuture.completedFuture(
                    new SyncResult(List.of(), List.of(), List.of(), Map.of(), List.of(), true));
        }
        Optional<SyncRefusedException> refused = refusal(plan);
        if (refused.isPresent()) {
            return CompletableFuture.failedFuture(refused.get());
        }
        Set<String> writes = new LinkedHashSet<>(plan.toCreate());
        writes.addAll(plan.toUpdate());
        List<String> ordered = inputs.desired().keySet().stream().filter(writes::contains).toList();
        if (!ordered.isEmpty() || !plan.toDelete().isEmpty()) {
            recorder = inputs.ledger().flatMap(ledger -> inputs.place().map(place -> new LedgerRecorder(ledger, place)));
        }
        ProgressReporter progress = new ProgressReporter(inputs.options().bulk().progress(),
                ordered.size() + plan.toDelete().size());
        // Cancelling the result (as an interrupted apply() does) cancels whichever phase is running.
        AtomicReference<CompletableFuture<?>> phase = new AtomicReference<>(CompletableFuture.completedFuture(null));
        CompletableFuture<SyncResult> result = recheck(phase)
                .thenCompose(fresh -> upserts(ordered, progress, phase))
                .thenCompose(written -> !written.failed().isEmpty() || !written.skipped().isEmpty()
                        ? CompletableFuture.completedFuture(result(written, null))
                        : deletes(progress, phase).thenApply(deleted -> result(written, deleted)))
                .thenCompose(done -> recorder.map(r -> r.finish().thenApply(flushed -> done))
                        .orElse(CompletableFuture.completedFuture(done)));
        result.whenComplete((done, error) -> {
            if (result.isCancelled()) {
                phase.get().cancel(true);
            }
        });
        return result;
    }

    /**
     * Lists the app again when the plan deletes secrets or leaves some unchanged by its ledger, and refuses if one of
     * those is not as the plan saw it: deleting or skipping it would act on a stale picture.
     */
    private CompletableFuture<Void> recheck(AtomicReference<CompletableFuture<?>> phase) {
        Set<String> watched = new LinkedHashSet<>(plan.toDelete());
        plan.diff().forEach((name, state) -> {
            if (state == SecretDiff.UNCHANGED) {
                watched.add(name);
            }
        });
        if (watched.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<List<Secret>> listing = client.list(inputs.appId());
        phase.set(listing);
        return listing.thenAccept(now -> {
            Map<String, Secret> current = new LinkedHashMap<>();
            now.forEach(secret -> current.put(secret.name(), secret));
            List<String> changed = new ArrayList<>();
            for (String name : watched) {
                Secret then = plan.listed().get(name);
                Secret later = current.get(name);
                boolean gone = later == null;
                if ((gone && plan.diff().get(name) == SecretDiff.UNCHANGED) || (!gone && (later.id() != then.id()
                        || !later.updatedAt().equals(then.updatedAt())))) {
                    changed.add(name);
                }
            }
            if (!changed.isEmpty()) {
                throw new SyncRefusedException(SyncRefusedException.Reason.CHANGED_SINCE_PLAN,
                        changed.size() + " written or deleted since the plan; make a new plan", changed);
            }
        });
    }

    private CompletableFuture<BoundedRunner.Outcome<Secret>> upserts(List<String> names, ProgressReporter progress,
                                                                      AtomicReference<CompletableFuture<?>> phase) {
        CompletableFuture<BoundedRunner.Outcome<Secret>> upserts = BoundedRunner.run(names,
                name -> client.upsert(inputs.appId(), name, inputs.desired().get(name)).thenApply(secret -> {
                    recorder.ifPresent(r -> r.written(name, inputs.desired().get(name), secret));
                    return secret;
                }), inputs.options().bulk(), progress, BulkOperations.slots(client, inputs.appId()));
        phase.set(upserts);
        return upserts;
    }

    private CompletableFuture<BoundedRunner.Outcome<Boolean>> deletes(ProgressReporter progress,
                                                                      AtomicReference<CompletableFuture<?>> phase) {
        CompletableFuture<BoundedRunner.Outcome<Boolean>> deletes = BoundedRunner.run(plan.toDelete(),
                name -> client.deleteIfExists(inputs.appId(), name).thenApply(deleted -> {
                    recorder.ifPresent(r -> r.deleted(name));
                    return deleted;
                }), inputs.options().bulk(), progress, BulkOperations.slots(client, inputs.appId()));
        phase.set(deletes);
        return deletes;
    }

    /** {@code deleted} is null when the deletes were not started. */
    private SyncResult result(BoundedRunner.Outcome<?> written, BoundedRunner.Outcome<Boolean> deleted) {
        Map<String, SpiceException> failed = new LinkedHashMap<>(written.failed());
        List<String> skipped = new ArrayList<>(written.skipped());
        if (deleted == null) {
            skipped.addAll(plan.toDelete());
        } else {
            failed.putAll(deleted.failed());
            skipped.addAll(deleted.skipped());
        }
        return new SyncResult(
                plan.toCreate().stream().filter(written.succeeded()::containsKey).toList(),
                plan.toUpdate().stream().filter(written.succeeded()::containsKey).toList(),
                deleted == null ? List.of() : List.copyOf(deleted.succeeded().keySet()),
                failed, skipped, false);
    }

    private static String limits(SyncOptions options) {
        String count = options.maxDeletes() == Integer.MAX_VALUE ? "" : options.maxDeletes() + " deletes";
        String share = options.maxDeleteFraction() == 1.0 ? ""
                : Math.round(options.maxDeleteFraction() * 100) + "% of the app";
        return count.isEmpty() || share.isEmpty() ? count + share : count + " and " + share;
    }
}
