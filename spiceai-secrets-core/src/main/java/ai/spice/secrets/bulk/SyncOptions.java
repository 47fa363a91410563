package ai.spice.secrets.bulk;

import java.util.Objects;

/**
 * How {@link ai.spice.secrets.SecretsClient#plan(long, java.util.Map, SyncOptions)} plans and how
 * {@link SyncPlan#apply()} applies: whether to delete what is not desired, whether to leave existing secrets alone,
 * whether to change anything at all, and how the writes run.
 *
 * <pre>{@code
 * SyncOptions options = SyncOptions.builder().prune(true).dryRun(dryRun).build();
 * SyncPlan plan = client.plan(appId, DotEnv.read(Path.of("prod.env")), options);
 * System.out.println(plan);
 * plan.apply().throwIfFailed();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Its builder is not thread-safe.
 */
public final class SyncOptions {

    private static final SyncOptions DEFAULTS = builder().build();

    private final boolean prune;
    private final boolean createOnly;
    private final boolean dryRun;
    private final BulkOptions bulk;

    private SyncOptions(Builder builder) {
        this.prune = builder.prune;
        this.createOnly = builder.createOnly;
        this.dryRun = builder.dryRun;
        this.bulk = builder.bulk.build();
    }

    /**
     * The defaults: no prune, not create-only, not a dry run, concurrency 8, {@link FailureMode#CONTINUE}, no
     * progress listener.
     *
     * @return the default options
     */
    public static SyncOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder whose settings are those of {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().prune(prune).createOnly(createOnly).dryRun(dryRun).concurrency(bulk.concurrency())
                .failureMode(bulk.failureMode()).progress(bulk.progress());
    }

    /**
     * Whether secrets the app has but that are not desired are deleted.
     *
     * @return true to delete them; default false
     */
    public boolean prune() {
        return prune;
    }

    /**
     * Whether only missing secrets are created, leaving the values of existing ones as they are.
     *
     * @return true to create only; default false
     */
    public boolean createOnly() {
        return createOnly;
    }

    /**
     * Whether {@link SyncPlan#apply()} only reports, sending no write.
     *
     * @return true for a dry run; default false
     */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * The most requests in flight at once when applying.
     *
     * @return at least 1; default 8
     */
    public int concurrency() {
        return bulk.concurrency();
    }

    /**
     * What happens after a write fails when applying.
     *
     * @return the failure mode; default {@link FailureMode#CONTINUE}
     */
    public FailureMode failureMode() {
        return bulk.failureMode();
    }

    /**
     * The listener told of each secret written or deleted when applying.
     *
     * @return the listener; {@link BulkProgressListener#none()} unless one was set
     */
    public BulkProgressListener progress() {
        return bulk.progress();
    }

    /**
     * These options' concurrency, failure mode and progress listener, as used for the writes.
     *
     * @return the bulk options
     */
    public BulkOptions bulkOptions() {
        return bulk;
    }

    /**
     * Shows the settings.
     *
     * @return e.g. {@code SyncOptions[prune=true, createOnly=false, dryRun=false, concurrency=8, failureMode=CONTINUE]}
     */
    @Override
    public String toString() {
        return "SyncOptions[prune=" + prune + ", createOnly=" + createOnly + ", dryRun=" + dryRun
                + ", concurrency=" + bulk.concurrency() + ", failureMode=" + bulk.failureMode() + "]";
    }

    /**
     * Builds {@link SyncOptions}. Each setter checks its argument at once. Not thread-safe; a builder may be reused,
     * and what it built never changes.
     */
    public static final class Builder {

        private boolean prune;
        private boolean createOnly;
        private boolean dryRun;
        private final BulkOptions.Builder bulk = BulkOptions.builder();

        private Builder() {
        }

        /**
         * Sets whether secrets the app has but that are not desired are deleted. Default false: they are left alone
         * and reported as unchanged.
         *
         * @param prune true to delete them
         * @return this builder
         */
        public Builder prune(boolean prune) {
            this.prune = prune;
            return this;
        }

        /**
         * Sets whether only missing secrets are created. Default false: since the API never returns values, every
         * desired secret that exists is written again (an update), whether or not its value changed.
         *
         * @param createOnly true to leave existing secrets' values alone
         * @return this builder
         */
        public Builder createOnly(boolean createOnly) {
            this.createOnly = createOnly;
            return this;
        }

        /**
         * Sets whether {@link SyncPlan#apply()} only reports. Default false. Planning still lists the app's secrets;
         * applying a dry run sends nothing.
         *
         * @param dryRun true for a dry run
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Sets the most requests in flight at once when applying. Default 8.
         *
         * @param concurrency at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code concurrency} is below 1
         */
        public Builder concurrency(int concurrency) {
            bulk.concurrency(concurrency);
            return this;
        }

        /**
         * Sets what happens after a write fails when applying. Default {@link FailureMode#CONTINUE}. Either way, no
         * secret is deleted once a create or update has failed.
         *
         * @param mode the failure mode
         * @return this builder
         * @throws NullPointerException if {@code mode} is null
         */
        public Builder failureMode(FailureMode mode) {
            bulk.failureMode(mode);
            return this;
        }

        /**
         * Sets the listener told of each secret written or deleted when applying; the count runs on from the writes
         * to the deletes. See {@link BulkProgressListener} for the thread it runs on. Default: none.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         */
        public Builder progress(BulkProgressListener listener) {
            bulk.progress(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return new immutable options
         */
        public SyncOptions build() {
            return new SyncOptions(this);
        }
    }
}
