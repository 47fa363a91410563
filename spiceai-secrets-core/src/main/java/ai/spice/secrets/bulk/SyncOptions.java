package ai.spice.secrets.bulk;

import java.util.Objects;

/**
 * How {@link ai.spice.secrets.SecretsClient#plan(long, java.util.Map, SyncOptions)} plans and how
 * {@link SyncPlan#apply()} applies: whether to delete what is not desired, whether to leave existing secrets alone,
 * whether to change anything at all, and how the writes run ({@link BulkOptions}).
 *
 * <pre>{@code
 * SyncOptions options = SyncOptions.builder()
 *         .prune(true)
 *         .dryRun(dryRun)
 *         .bulk(BulkOptions.builder().concurrency(4).build())
 *         .build();
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
        this.bulk = builder.bulk;
    }

    /**
     * The defaults: no prune, not create-only, not a dry run, and {@link BulkOptions#defaults()} for the writes.
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
        return new Builder().prune(prune).createOnly(createOnly).dryRun(dryRun).bulk(bulk);
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
     * How the writes and deletes run when applying: concurrency, failure mode and progress listener (the count runs
     * on from the writes to the deletes).
     *
     * @return the bulk options; default {@link BulkOptions#defaults()}
     */
    public BulkOptions bulk() {
        return bulk;
    }

    /**
     * Compares the settings.
     *
     * @param other the object to compare with
     * @return true if {@code other} is a {@code SyncOptions} with the same settings
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SyncOptions that && prune == that.prune && createOnly == that.createOnly
                && dryRun == that.dryRun && bulk.equals(that.bulk);
    }

    /**
     * A hash of the settings, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(prune, createOnly, dryRun, bulk);
    }

    /**
     * Shows the settings.
     *
     * @return e.g. {@code SyncOptions[prune=true, createOnly=false, dryRun=false, BulkOptions[concurrency=8, ...]]}
     */
    @Override
    public String toString() {
        return "SyncOptions[prune=" + prune + ", createOnly=" + createOnly + ", dryRun=" + dryRun + ", " + bulk + "]";
    }

    /**
     * Builds {@link SyncOptions}. Each setter checks its argument at once. Not thread-safe; a builder may be reused,
     * and what it built never changes.
     */
    public static final class Builder {

        private boolean prune;
        private boolean createOnly;
        private boolean dryRun;
        private BulkOptions bulk = BulkOptions.defaults();

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
         * Sets how the writes and deletes run when applying. Default {@link BulkOptions#defaults()}. Whatever the
         * failure mode, no secret is deleted once a create or update has failed.
         *
         * @param options the bulk options
         * @return this builder
         * @throws NullPointerException if {@code options} is null
         */
        public Builder bulk(BulkOptions options) {
            this.bulk = Objects.requireNonNull(options, "options");
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
