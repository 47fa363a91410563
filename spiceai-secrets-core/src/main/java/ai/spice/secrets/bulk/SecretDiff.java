package ai.spice.secrets.bulk;

/**
 * How a desired secret compares with the app, as {@link SyncPlan#diff()} reports it. Values are write-only, so
 * without a {@link SyncLedger} every secret the app has is {@link #UNKNOWN}; with one, the SDK knows what it wrote.
 */
public enum SecretDiff {

    /** The app does not have it: created. Shown as {@code + NAME}. */
    CREATE,
    /**
     * The ledger holds the same value for it, and the app's {@code id} and {@code updated_at} are those the API
     * answered to that write: nothing is sent. Shown as {@code = NAME}.
     */
    UNCHANGED,
    /** The ledger holds another value for it: updated. Shown as {@code ~ NAME (changed)}. */
    CHANGED,
    /**
     * The app's copy was written since the ledger's record (another tool, the portal, another ledger): updated, unless
     * {@link SyncOptions#refuseDrifted()}. Shown as {@code ~ NAME (drifted)}.
     */
    DRIFTED,
    /** No ledger entry for it (or no ledger): updated, since its value cannot be read back. Shown as {@code ~ NAME}. */
    UNKNOWN
}
