package ai.spice.secrets.internal;

import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.bulk.BulkOptions;
import ai.spice.secrets.bulk.BulkResult;
import ai.spice.secrets.bulk.SpicepodCheck;
import ai.spice.secrets.bulk.SpicepodCheckOptions;
import ai.spice.secrets.bulk.SpicepodReferences;
import ai.spice.secrets.bulk.SyncOptions;
import ai.spice.secrets.bulk.SyncPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The bulk operations behind the default methods of {@link SecretsClient} and {@link AsyncSecretsClient}, written
 * against those interfaces only, so that they work on any implementation. Public only because those interfaces must
 * reach it; the package is not exported.
 */
public final class BulkOperations {

    private BulkOperations() {
    }

    /** Checks everything, then upserts each secret through {@code client} with a bounded window of requests. */
    public static CompletableFuture<BulkResult> upsertAll(AsyncSecretsClient client, long appId,
                                                          Map<String, SecretValue> secrets, BulkOptions options) {
        BulkArguments.checkAppId(appId);
        Map<String, SecretValue> checked = BulkArguments.checkSecrets(secrets, "secrets");
        Objects.requireNonNull(options, "options");
        List<String> names = List.copyOf(checked.keySet());
        CompletableFuture<BoundedRunner.Outcome<Secret>> outcome = BoundedRunner.run(names,
                name -> client.upsert(appId, name, checked.get(name)), options.concurrency(), options.failureMode(),
                new ProgressReporter(options.progress(), names.size()));
        return Futures.linked(outcome, outcome.thenApply(
                done -> new BulkResult(done.succeeded(), done.failed(), done.skipped())));
    }

    /** Checks everything, then lists the app's secrets and works out the plan. */
    public static SyncPlan plan(SecretsClient client, long appId, Map<String, SecretValue> desired,
                                SyncOptions options) {
        BulkArguments.checkAppId(appId);
        Map<String, SecretValue> checked = BulkArguments.checkSecrets(desired, "desired");
        Objects.requireNonNull(options, "options");
        List<String> present = client.list(appId).stream().map(Secret::name).toList();
        return new DefaultSyncPlan(client.async(), appId, options, checked, present);
    }

    /** Reads the spicepod first (a missing or invalid file fails before any request), then lists the app's secrets. */
    public static SpicepodCheck checkSpicepod(SecretsClient client, long appId, Path spicepod,
                                              SpicepodCheckOptions options) {
        BulkArguments.checkAppId(appId);
        Objects.requireNonNull(spicepod, "spicepod");
        Objects.requireNonNull(options, "options");
        SpicepodReferences references = SpicepodReferences.read(spicepod);
        return SpicepodCheck.of(references, client.list(appId).stream().map(Secret::name).toList(), options);
    }

    /** Waits as the synchronous client does: interrupt restored, the failure rethrown unwrapped. */
    public static <T> T await(CompletableFuture<T> future) {
        return RetryingExecutor.await(future);
    }
}
