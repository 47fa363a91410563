package ai.spice.secrets.bulk;

import java.util.Objects;

/**
 * How a bulk upsert runs: how many requests may be in flight at once, what to do after a failure, and whom to tell
 * of progress.
 *
 * <pre>{@code
 * BulkOptions options = BulkOptions.builder()
 *         .concurrency(4)
 *         .failureMode(FailureMode.STOP_AT_FIRST_FAILURE)
 *         .progress((done, total, name) -> log.info("{}/{} {}", done, total, name))
 *         .build();
 * BulkResult result = client.upsertAll(appId, DotEnv.read(Path.of(".env")), options);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Its builder is not thread-safe.
 */
public final class BulkOptions {

    /** The default number of requests in flight at once. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private static final BulkProgressListener NO_PROGRESS = BulkProgressListener.none();
    private static final BulkOptions DEFAULTS = builder().build();

    private final int concurrency;
    private final FailureMode failureMode;
    private final BulkProgressListener progress;

    private BulkOptions(Builder builder) {
        this.concurrency = builder.concurrency;
        this.failureMode = builder.failureMode;
        this.progress = builder.progress;
    }

    /**
     * The defaults: concurrency 8, {@link FailureMode#CONTINUE}, no progress listener.
     *
     * @return the default options
     */
    public static BulkOptions defaults() {
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
        return new Builder().concurrency(concurrency).failureMode(failureMode).progress(progress);
    }

    /**
     * The most requests in flight at once.
     *
     * @return at least 1
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * What happens after a secret fails.
     *
     * @return the failure mode
     */
    public FailureMode failureMode() {
        return failureMode;
    }

    /**
     * The progress listener.
     *
     * @return the listener; {@link BulkProgressListener#none()} unless one was set
     */
    public BulkProgressListener progress() {
        return progress;
    }

    /**
     * Compares the settings; progress listeners are compared by identity.
     *
     * @param other the object to compare with
     * @return true if {@code other} is a {@code BulkOptions} with the same settings
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof BulkOptions that && concurrency == that.concurrency
                && failureMode == that.failureMode && progress == that.progress;
    }

    /**
     * A hash of the settings, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(concurrency, failureMode, System.identityHashCode(progress));
    }

    /**
     * Shows the settings.
     *
     * @return e.g. {@code BulkOptions[concurrency=8, failureMode=CONTINUE]}, plus {@code progress=<its class>} when
     *         a listener is set
     */
    @Override
    public String toString() {
        return "BulkOptions[concurrency=" + concurrency + ", failureMode=" + failureMode
                + (progress == NO_PROGRESS ? "" : ", progress=" + progress.getClass().getName()) + "]";
    }

    /**
     * Builds {@link BulkOptions}. Each setter checks its argument at once. Not thread-safe; a builder may be reused,
     * and what it built never changes.
     */
    public static final class Builder {

        private int concurrency = DEFAULT_CONCURRENCY;
        private FailureMode failureMode = FailureMode.CONTINUE;
        private BulkProgressListener progress = NO_PROGRESS;

        private Builder() {
        }

        /**
         * Sets the most requests in flight at once. Default 8. Each secret is one request (plus its retries); no
         * thread is used per secret.
         *
         * @param concurrency at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code concurrency} is below 1
         */
        public Builder concurrency(int concurrency) {
            this.concurrency = checkConcurrency(concurrency);
            return this;
        }

        /**
         * Sets what happens after a secret fails. Default {@link FailureMode#CONTINUE}.
         *
         * @param mode the failure mode
         * @return this builder
         * @throws NullPointerException if {@code mode} is null
         */
        public Builder failureMode(FailureMode mode) {
            this.failureMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the listener told of each secret done with; see {@link BulkProgressListener} for the thread it runs on.
         * Default: none.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         */
        public Builder progress(BulkProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return new immutable options
         */
        public BulkOptions build() {
            return new BulkOptions(this);
        }
    }

    private static int checkConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        return concurrency;
    }
}
