package ai.spice.secrets.bulk;

import ai.spice.secrets.internal.names.NameGlob;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    private final SyncLedger ledger;
    private final boolean refuseDrifted;
    private final int maxDeletes;
    private final double maxDeleteFraction;
    private final Set<String> protectedNames;
    private final Path keepReferencedBy;

    private SyncOptions(Builder builder) {
        this.prune = builder.prune;
        this.createOnly = builder.createOnly;
        this.dryRun = builder.dryRun;
        this.bulk = builder.bulk;
        this.ledger = builder.ledger;
        this.refuseDrifted = builder.refuseDrifted;
        this.maxDeletes = builder.maxDeletes;
        this.maxDeleteFraction = builder.maxDeleteFraction;
        this.protectedNames = Collections.unmodifiableSet(new LinkedHashSet<>(builder.protectedNames));
        this.keepReferencedBy = builder.keepReferencedBy;
    }

    /**
     * The defaults: no prune, not create-only, not a dry run, {@link BulkOptions#defaults()} for the writes, no ledger,
     * drifted secrets overwritten, no limit on deletions, nothing protected.
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
        Builder builder = new Builder().prune(prune).createOnly(createOnly).dryRun(dryRun).bulk(bulk)
                .refuseDrifted(refuseDrifted).maxDeletes(maxDeletes).maxDeleteFraction(maxDeleteFraction)
                .protect(protectedNames.toArray(String[]::new));
        builder.ledger = ledger;
        builder.keepReferencedBy = keepReferencedBy;
        return builder;
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
     * The ledger that tells changed values from unchanged ones and notices writes made elsewhere.
     *
     * @return the ledger; empty by default (every existing desired secret is then {@link SecretDiff#UNKNOWN})
     */
    public Optional<SyncLedger> ledger() {
        return Optional.ofNullable(ledger);
    }

    /**
     * Whether {@link SyncPlan#apply()} refuses to run when a desired secret is {@link SecretDiff#DRIFTED}.
     *
     * @return true to refuse; default false (drifted secrets are overwritten, and reported)
     */
    public boolean refuseDrifted() {
        return refuseDrifted;
    }

    /**
     * The most secrets one apply may delete.
     *
     * @return the limit; default {@link Integer#MAX_VALUE} (none)
     */
    public int maxDeletes() {
        return maxDeletes;
    }

    /**
     * The largest share of the app's secrets one apply may delete.
     *
     * @return a fraction from 0 to 1; default 1 (none)
     */
    public double maxDeleteFraction() {
        return maxDeleteFraction;
    }

    /**
     * The names, and globs of names, that a prune never deletes.
     *
     * @return the patterns, in the order given; empty by default
     */
    public Set<String> protectedNames() {
        return protectedNames;
    }

    /**
     * The spicepod whose references a prune never deletes, even when the desired set lacks them.
     *
     * @return the spicepod file; empty by default
     */
    public Optional<Path> keepReferencedBy() {
        return Optional.ofNullable(keepReferencedBy);
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
                && dryRun == that.dryRun && bulk.equals(that.bulk) && Objects.equals(ledger, that.ledger)
                && refuseDrifted == that.refuseDrifted && maxDeletes == that.maxDeletes
                && Double.compare(maxDeleteFraction, that.maxDeleteFraction) == 0
                && protectedNames.equals(that.protectedNames) && Objects.equals(keepReferencedBy, that.keepReferencedBy);
    }

    /**
     * A hash of the settings, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(prune, createOnly, dryRun, bulk, ledger, refuseDrifted, maxDeletes, maxDeleteFraction,
                protectedNames, keepReferencedBy);
    }

    /**
     * Shows the settings.
     *
     * @return e.g. {@code SyncOptions[prune=true, createOnly=false, dryRun=false, BulkOptions[concurrency=8, ...]]}
     */
    @Override
    public String toString() {
        return "SyncOptions[prune=" + prune + ", createOnly=" + createOnly + ", dryRun=" + dryRun + ", " + bulk
                + (ledger == null ? "" : ", " + ledger) + (refuseDrifted ? ", refuseDrifted" : "")
                + (maxDeletes == Integer.MAX_VALUE ? "" : ", maxDeletes=" + maxDeletes)
                + (maxDeleteFraction == 1.0 ? "" : ", maxDeleteFraction=" + maxDeleteFraction)
                + (protectedNames.isEmpty() ? "" : ", protect=" + protectedNames)
                + (keepReferencedBy == null ? "" : ", keepReferencedBy=" + keepReferencedBy) + "]";
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
        private SyncLedger ledger;
        private boolean refuseDrifted;
        private int maxDeletes = Integer.MAX_VALUE;
        private double maxDeleteFraction = 1.0;
        private Set<String> protectedNames = Set.of();
        private Path keepReferencedBy;

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
         * Sets the ledger: the plan then tells {@link SecretDiff#CHANGED} and {@link SecretDiff#UNCHANGED} values
         * apart (sending nothing for the unchanged) and notices {@link SecretDiff#DRIFTED} ones, and the apply records
         * each confirmed write. Default: none.
         *
         * @param ledger the ledger
         * @return this builder
         * @throws NullPointerException if {@code ledger} is null
         */
        public Builder ledger(SyncLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * Sets whether {@link SyncPlan#apply()} refuses to run, sending nothing, when a desired secret was written
         * elsewhere since the ledger's record. Default false: it is overwritten, and reported as drifted.
         *
         * @param refuse true to refuse
         * @return this builder
         */
        public Builder refuseDrifted(boolean refuse) {
            this.refuseDrifted = refuse;
            return this;
        }

        /**
         * Sets the most secrets one apply may delete; a plan over it is refused by {@link SyncPlan#apply()}, which then
         * sends nothing. Default: no limit.
         *
         * @param count at least 0
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is negative
         */
        public Builder maxDeletes(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("maxDeletes must be >= 0, was " + count);
            }
            this.maxDeletes = count;
            return this;
        }

        /**
         * Sets the largest share of the app's secrets one apply may delete; a plan over it is refused by
         * {@link SyncPlan#apply()}, which then sends nothing. Default 1 (no limit).
         *
         * @param fraction from 0 to 1, for example 0.25
         * @return this builder
         * @throws IllegalArgumentException if {@code fraction} is not between 0 and 1
         */
        public Builder maxDeleteFraction(double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("maxDeleteFraction must be between 0 and 1, was " + fraction);
            }
            this.maxDeleteFraction = fraction;
            return this;
        }

        /**
         * Sets the names a prune never deletes: exact names, or globs where {@code *} stands for any run of characters
         * and {@code ?} for one ({@code PROD_*}). Replaces what was set before. Default: none.
         *
         * @param namesOrGlobs the names and patterns
         * @return this builder
         * @throws NullPointerException     if the array or a pattern is null
         * @throws IllegalArgumentException if a pattern holds a character other than letters, digits, {@code _},
         *                                  {@code *} and {@code ?}
         */
        public Builder protect(String... namesOrGlobs) {
            Set<String> patterns = new LinkedHashSet<>();
            for (String pattern : Objects.requireNonNull(namesOrGlobs, "namesOrGlobs")) {
                patterns.add(NameGlob.check(pattern));
            }
            this.protectedNames = patterns;
            return this;
        }

        /**
         * Sets a spicepod whose secret references a prune never deletes, even when the desired set lacks them: the
         * spicepod is read when the plan is made. Default: none.
         *
         * @param spicepod the spicepod file
         * @return this builder
         * @throws NullPointerException if {@code spicepod} is null
         */
        public Builder keepReferencedBy(Path spicepod) {
            this.keepReferencedBy = Objects.requireNonNull(spicepod, "spicepod");
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
