package ai.spice.secrets.bulk;

import java.util.List;
import java.util.Map;

/**
 * The changes that would make an app's secrets match a desired set, from
 * {@link ai.spice.secrets.SecretsClient#plan(long, java.util.Map, SyncOptions)}; {@link #apply()} makes them.
 *
 * <p>Since the API never returns values, a plan alone cannot tell whether an existing secret's value differs: without a
 * {@link SyncLedger} every desired secret the app has is updated ({@link SecretDiff#UNKNOWN}), unless
 * {@link SyncOptions#createOnly()}. With one, the plan knows what the SDK last wrote: a value the same as recorded,
 * in a secret nobody wrote since, is {@link SecretDiff#UNCHANGED} and not sent; {@link #diff()} says which is which.
 * A secret the app has that is not desired is deleted only with {@link SyncOptions#prune()}, and never when it is
 * protected ({@link SyncOptions#protectedNames()}, {@link SyncOptions#keepReferencedBy()}); else it is unchanged. Each
 * name is in exactly one of the four lists.
 *
 * <pre>{@code
 * SyncPlan plan = client.plan(appId, desired, SyncOptions.builder().prune(true).build());
 * System.out.println(plan);   // + NEW_KEY / ~ EXISTING / - REMOVED, then a summary line
 * SyncResult result = plan.apply();
 * }</pre>
 *
 * <p>Immutable and thread-safe. It holds the desired values (to apply them) but never prints them: its
 * {@link #toString()} is a diff of names.
 */
public interface SyncPlan {

    /**
     * The app the plan is for.
     *
     * @return the app id
     */
    long appId();

    /**
     * The options the plan was made with, which {@link #apply()} uses.
     *
     * @return the options
     */
    SyncOptions options();

    /**
     * The desired secrets the app does not have.
     *
     * @return their names, in the order of the desired map
     */
    List<String> toCreate();

    /**
     * The desired secrets the app has, to be written again (empty with {@link SyncOptions#createOnly()}).
     *
     * @return their names, in the order of the desired map
     */
    List<String> toUpdate();

    /**
     * The secrets the app has that are not desired (empty unless {@link SyncOptions#prune()}).
     *
     * @return their names, in the order the API listed them
     */
    List<String> toDelete();

    /**
     * The secrets the app has that the plan leaves as they are: not desired (without prune), or desired and existing
     * (with create-only).
     *
     * @return their names, in the order the API listed them
     */
    List<String> unchanged();

    /**
     * How each desired secret compares with the app.
     *
     * @return each desired name and its {@link SecretDiff}, in the order of the desired map
     */
    Map<String, SecretDiff> diff();

    /**
     * Tells whether applying the plan would change anything.
     *
     * @return true if something is to be created, updated or deleted
     */
    default boolean hasChanges() {
        return !toCreate().isEmpty() || !toUpdate().isEmpty() || !toDelete().isEmpty();
    }

    /**
     * Makes the changes: the creates and updates as one bulk upsert (with the options' concurrency, failure mode and
     * progress listener, and the client's retry policy), then, only if all of them succeeded, the deletes (with
     * {@code deleteIfExists}, so a secret already gone counts as deleted). With {@link SyncOptions#dryRun()} it sends
     * nothing and returns an empty result marked as a dry run.
     *
     * <p>Before sending anything it checks the guardrails: more deletes than {@link SyncOptions#maxDeletes()} or
     * {@link SyncOptions#maxDeleteFraction()} allow, or a drifted secret with {@link SyncOptions#refuseDrifted()}, is
     * refused. When the plan deletes secrets or leaves some unchanged by its ledger, it lists the app again first and
     * refuses if one of those changed since the plan was made. With a ledger, each confirmed write and delete is
     * recorded in it as it comes.
     *
     * @return what was changed and what failed; never throws for a failed secret (see
     *         {@link SyncResult#throwIfFailed()})
     * @throws ai.spice.secrets.errors.SyncRefusedException if a guardrail refuses the plan; nothing was sent
     * @throws ai.spice.secrets.errors.LedgerException      if the ledger cannot be written (the changes listed in the
     *                                                     result were made; the next plan sees them as unknown)
     * @throws ai.spice.secrets.errors.SpiceIoException if interrupted while waiting (the interrupt flag is kept)
     * @throws IllegalStateException                     if the client is closed
     */
    SyncResult apply();

    /**
     * Shows the plan as a diff of names, never values: one line per desired secret ({@code + NAME} to create,
     * {@code ~ NAME} to update, with {@code (changed)} or {@code (drifted)} when a ledger knows, {@code = NAME}
     * unchanged), {@code - NAME} to delete and {@code ! NAME (protected)} for one a prune keeps, then a summary line
     * and, when a guardrail will refuse the plan, why.
     *
     * @return e.g. {@code "+ NEW_KEY\n~ EXISTING\n- REMOVED\nPlan for app 42: 1 to create, 1 to update, 1 to delete, 2 unchanged"}
     */
    @Override
    String toString();
}
