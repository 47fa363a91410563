package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.bulk.SecretDiff;
import ai.spice.secrets.bulk.SyncOptions;
import ai.spice.secrets.bulk.SyncPlan;
import ai.spice.secrets.bulk.SyncResult;
import ai.spice.secrets.internal.call.Futures;
import ai.spice.secrets.internal.names.NameGlob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SyncPlan}: how each desired secret compares with the app (through the ledger, when there is one) and the
 * four lists of names, worked out once from one listing of the app; {@link SyncApplier} carries it out.
 */
final class DefaultSyncPlan implements SyncPlan {

    /** What the plan was made from. */
    record Inputs(AsyncSecretsClient client, long appId, SyncOptions options, Map<String, SecretValue> desired,
                  List<Secret> present, Optional<Ledger> ledger, Optional<LedgerEntry.Place> place,
                  Set<String> referenced) {
    }

    private final Inputs inputs;
    private final Map<String, SecretDiff> diff = new LinkedHashMap<>();
    private final Map<String, Secret> listed = new LinkedHashMap<>();
    private final List<String> toCreate = new ArrayList<>();
    private final List<String> toUpdate = new ArrayList<>();
    private final List<String> toDelete = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    /** Each secret a prune keeps, with what protects it. */
    private final Map<String, String> kept = new LinkedHashMap<>();

    DefaultSyncPlan(Inputs inputs) {
        this.inputs = inputs;
        inputs.present().forEach(secret -> listed.put(secret.name(), secret));
        Optional<LedgerHmac> hmac = inputs.ledger().flatMap(Ledger::hmacForReading);
        SyncOptions options = inputs.options();
        inputs.desired().forEach((name, value) -> {
            SecretDiff state = compare(name, value, hmac);
            diff.put(name, state);
            if (state == SecretDiff.CREATE) {
                toCreate.add(name);
            } else if (state != SecretDiff.UNCHANGED && !options.createOnly()) {
                toUpdate.add(name);
            }
        });
        for (String name : listed.keySet()) {
            if (inputs.desired().containsKey(name)) {
                if (!toUpdate.contains(name)) {
                    unchanged.add(name);
                }
                continue;
            }
            Optional<String> protection = options.prune() ? protection(name) : Optional.empty();
            protection.ifPresent(why -> kept.put(name, why));
            if (options.prune() && protection.isEmpty()) {
                toDelete.add(name);
            } else {
                unchanged.add(name);
            }
        }
    }

    private SecretDiff compare(String name, SecretValue value, Optional<LedgerHmac> hmac) {
        Secret secret = listed.get(name);
        if (secret == null) {
            return SecretDiff.CREATE;
        }
        Optional<LedgerEntry> entry = inputs.place().flatMap(place -> inputs.ledger()
                .map(ledger -> ledger.entries().get(new LedgerEntry.Key(place, name))));
        if (entry.isEmpty() || hmac.isEmpty()) {
            return SecretDiff.UNKNOWN;
        }
        LedgerEntry recorded = entry.get();
        if (recorded.id() != secret.id() || !recorded.updatedAt().equals(secret.updatedAt())) {
            return SecretDiff.DRIFTED;
        }
        return LedgerHmac.same(recorded.hmac(), hmac.get().ofValue(recorded.place(), name, value))
                ? SecretDiff.UNCHANGED : SecretDiff.CHANGED;
    }

    private Optional<String> protection(String name) {
        for (String pattern : inputs.options().protectedNames()) {
            if (NameGlob.matches(pattern, name)) {
                return Optional.of("protected by " + pattern);
            }
        }
        return inputs.referenced().contains(name) ? Optional.of("referenced by the spicepod") : Optional.empty();
    }

    Inputs inputs() {
        return inputs;
    }

    /** The app's secrets as the plan's listing saw them, by name. */
    Map<String, Secret> listed() {
        return Collections.unmodifiableMap(listed);
    }

    @Override
    public long appId() {
        return inputs.appId();
    }

    @Override
    public SyncOptions options() {
        return inputs.options();
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
    public Map<String, SecretDiff> diff() {
        return Collections.unmodifiableMap(diff);
    }

    @Override
    public SyncResult apply() {
        return Futures.await(new SyncApplier(this).apply());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        toCreate.forEach(name -> text.append("+ ").append(name).append('\n'));
        toUpdate.forEach(name -> text.append("~ ").append(name).append(marker(diff.get(name))).append('\n'));
        diff.forEach((name, state) -> {
            if (state != SecretDiff.CREATE && !toUpdate.contains(name)) {
                text.append("= ").append(name).append('\n');
            }
        });
        toDelete.forEach(name -> text.append("- ").append(name).append('\n'));
        kept.forEach((name, why) -> text.append("! ").append(name).append(" (kept: ").append(why).append(")\n"));
        long drifted = toUpdate.stream().filter(name -> diff.get(name) == SecretDiff.DRIFTED).count();
        text.append("Plan for app ").append(inputs.appId()).append(": ")
                .append(toCreate.size()).append(" to create, ")
                .append(toUpdate.size()).append(" to update").append(drifted == 0 ? "" : " (" + drifted + " drifted)")
                .append(", ").append(toDelete.size()).append(" to delete, ")
                .append(unchanged.size()).append(" unchanged")
                .append(inputs.options().dryRun() ? " (dry run: apply changes nothing)" : "");
        SyncApplier.refusal(this).ifPresent(refusal -> text.append("\nApply will be refused: ")
                .append(refusal.getMessage()));
        return text.toString();
    }

    private static String marker(SecretDiff state) {
        return switch (state) {
            case CHANGED -> " (changed)";
            case DRIFTED -> " (drifted: written elsewhere since the last sync)";
            default -> "";
        };
    }
}
