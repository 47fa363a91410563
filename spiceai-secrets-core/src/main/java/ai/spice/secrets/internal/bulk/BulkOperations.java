package ai.spice.secrets.internal.bulk;

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
import ai.spice.secrets.internal.call.Futures;
import ai.spice.secrets.internal.http.ApiRequest;
import ai.spice.secrets.internal.names.NamedMaps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
        ApiRequest.checkAppId(appId);
        Map<String, SecretValue> checked = NamedMaps.withValidNames(secrets, "secrets");
        Objects.requireNonNull(options, "options");
        checkSizes(client, checked);
        List<String> names = List.copyOf(checked.keySet());
        CompletableFuture<BoundedRunner.Outcome<Secret>> outcome = BoundedRunner.run(names,
                name -> client.upsert(appId, name, checked.get(name)), options,
                new ProgressReporter(options.progress(), names.size()), slots(client, appId));
        return Futures.linked(outcome, outcome.thenApply(
                done -> new BulkResult(done.succeeded(), done.failed(), done.skipped())));
    }

    /** Checks everything, then lists the app's secrets and works out the plan. */
    public static SyncPlan plan(SecretsClient client, long appId, Map<String, SecretValue> desired,
                                SyncOptions options) {
        ApiRequest.checkAppId(appId);
        Map<String, SecretValue> checked = NamedMaps.withValidNames(desired, "desired");
        Objects.requireNonNull(options, "options");
        checkSizes(client, checked);
        Optional<LedgerEntry.Place> place = options.ledger().map(ledger -> place(client, appId));
        Optional<SpicepodReferences> spicepod = options.keepReferencedBy().map(SpicepodReferences::read);
        Optional<Ledger> ledger = options.ledger().map(Ledger::read);
        List<Secret> present = client.list(appId);
        Set<String> referenced = spicepod.map(references -> answering(references, present)).orElse(Set.of());
        return new DefaultSyncPlan(new DefaultSyncPlan.Inputs(client.async(), appId, options, checked, present,
                ledger, place, referenced));
    }

    /** The app secrets that answer a reference of the spicepod, as the runtime resolves it (upper-casing included). */
    private static Set<String> answering(SpicepodReferences spicepod, List<Secret> present) {
        return SpicepodCheck.of(spicepod, present.stream().map(Secret::name).toList()).references().stream()
                .filter(resolved -> resolved.resolution() == SpicepodCheck.Resolution.APP_SECRET
                        || resolved.resolution() == SpicepodCheck.Resolution.APP_SECRET_UPPERCASED)
                .flatMap(resolved -> resolved.answeredBy().stream())
                .collect(Collectors.toSet());
    }

    /** A bulk run's pace: the SDK's own client's ({@link OwnClient#slot}); none for another implementation. */
    static Supplier<CompletableFuture<Void>> slots(Object client, long appId) {
        OwnClient own = OwnClient.of(client);
        if (own != null) {
            return () -> own.slot(appId);
        }
        CompletableFuture<Void> now = CompletableFuture.completedFuture(null);
        return () -> now;
    }

    /** Every secret the client would refuse to send is refused before the first is sent. */
    private static void checkSizes(Object client, Map<String, SecretValue> secrets) {
        OwnClient own = OwnClient.of(client);
        if (own != null) {
            secrets.forEach(own::checkUpsert);
        }
    }

    private static LedgerEntry.Place place(SecretsClient client, long appId) {
        OwnClient location = OwnClient.of(client);
        if (location == null) {
            throw new IllegalArgumentException("a sync ledger needs a client made by SecretsClient.builder():"
                    + " it records where each write went, which " + client.getClass().getName() + " does not say");
        }
        return new LedgerEntry.Place(location.api(), location.organization(), appId);
    }

    /** Reads the spicepod first (a missing or invalid file fails before any request), then lists the app's secrets. */
    public static SpicepodCheck checkSpicepod(SecretsClient client, long appId, Path spicepod,
                                              SpicepodCheckOptions options) {
        ApiRequest.checkAppId(appId);
        Objects.requireNonNull(spicepod, "spicepod");
        Objects.requireNonNull(options, "options");
        SpicepodReferences references = SpicepodReferences.read(spicepod);
        return SpicepodCheck.of(references, client.list(appId).stream().map(Secret::name).toList(), options);
    }
}
