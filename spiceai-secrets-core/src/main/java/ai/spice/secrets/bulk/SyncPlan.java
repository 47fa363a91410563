package ai.spice.secrets.bulk;

import java.util.List;

/**
 * The changes that would make an app's secrets match a desired set, from
 * {@link ai.spice.secrets.SecretsClient#plan(long, java.util.Map, SyncOptions)}; {@link #apply()} makes them.
 *
 * <p>Since the API never returns values, a plan cannot tell whether an existing secret's value differs: every desired
 * secret the app has is updated, unless {@link SyncOptions#createOnly()}. A secret the app has that is not desired is
 * deleted only with {@link SyncOptions#prune()}, else it is unchanged. Each name is in exactly one of the four lists.
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
     * nothing and returns an empty result marked as a dry run. A plan may be applied again; it does not list the app's
     * secrets again.
     *
     * @return what was changed and what failed; never throws for a failed secret (see
     *         {@link SyncResult#throwIfFailed()})
     * @throws ai.spice.secrets.errors.SpiceIoException if interrupted while waiting (the interrupt flag is kept)
     * @throws IllegalStateException                     if the client is closed
     */
    SyncResult apply();

    /**
     * Shows the plan as a diff of names, never values: one line per change, {@code + NAME} to create,
     * {@code ~ NAME} to update and {@code - NAME} to delete, then a summary line.
     *
     * @return e.g. {@code "+ NEW_KEY\n~ EXISTING\n- REMOVED\nPlan for app 42: 1 to create, 1 to update, 1 to delete, 2 unchanged"}
     */
    @Override
    String toString();
}
