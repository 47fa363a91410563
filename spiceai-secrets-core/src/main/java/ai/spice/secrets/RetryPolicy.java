package ai.spice.secrets;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a failed request is tried again: exponential backoff with jitter, bounded by a number of
 * attempts, and the server's own {@code Retry-After} or {@code X-RateLimit-Reset} hint when it gives one.
 *
 * <p>The SDK retries connect failures, resets, broken or empty responses, timeouts, and the statuses 408, 429, 500,
 * 502, 503 and 504, on all four operations (an upsert of the same name and value is idempotent). It never retries
 * 400, 401, 403, 404, 409 or 422. The delay before retry {@code n} (1-based) is
 * {@code min(maxDelay, initialDelay * multiplier^(n-1))}, spread by {@code ±jitter} of itself and then capped at
 * {@code maxDelay} again. A server hint replaces the computed delay; a hint longer than {@link #maxRetryAfter()} is
 * not waited for: the call fails at once.
 *
 * <p>After the service says an app's rate limit is reached (a 429, or {@code X-RateLimit-Remaining: 0}), the client
 * paces its requests to that app, as the AWS SDK's adaptive retry mode does: a bulk import then keeps under the limit
 * instead of being refused and retried ({@link #paceOnRateLimit()}; until a first refusal it changes nothing).
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofSeconds(1)).build();
 * SecretsClient client = SecretsClient.builder().fromEnv().retryPolicy(patient).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Its builder is not thread-safe.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final boolean paceOnRateLimit;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialDelay = builder.initialDelay;
        this.maxDelay = builder.maxDelay;
        this.multiplier = builder.multiplier;
        this.jitter = builder.jitter;
        this.maxRetryAfter = builder.maxRetryAfter;
        this.paceOnRateLimit = builder.paceOnRateLimit;
    }

    /**
     * The default policy: 3 attempts in all, 0.5 s initial delay, multiplier 2, 8 s maximum delay, 25% jitter, and
     * server hints waited for up to 60 s, and requests paced once an app's rate limit is reached.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries: 1 attempt.
     *
     * @return the no-retry policy
     */
    public static RetryPolicy none() {
        return NONE;
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
     * Returns a builder that starts from this policy's settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.maxAttempts = maxAttempts;
        builder.initialDelay = initialDelay;
        builder.maxDelay = maxDelay;
        builder.multiplier = multiplier;
        builder.jitter = jitter;
        builder.maxRetryAfter = maxRetryAfter;
        builder.paceOnRateLimit = paceOnRateLimit;
        return builder;
    }

    /**
     * The number of attempts in all, counting the first.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The delay before the first retry, before jitter.
     *
     * @return the initial delay
     */
    public Duration initialDelay() {
        return initialDelay;
    }

    /**
     * The longest computed delay between two attempts.
     *
     * @return the maximum delay
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * The factor by which the delay grows after each retry.
     *
     * @return at least 1
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * The share of each delay by which it is randomly spread, up or down.
     *
     * @return between 0 and 1
     */
    public double jitter() {
        return jitter;
    }

    /**
     * The longest server-requested wait ({@code Retry-After}, {@code X-RateLimit-Reset}) that is waited for; a longer
     * one fails the call at once.
     *
     * @return the longest wait honoured
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Whether the client paces its requests to an app once the service has said the app's rate limit is reached.
     *
     * @return true by default
     */
    public boolean paceOnRateLimit() {
        return paceOnRateLimit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy that
                && maxAttempts == that.maxAttempts
                && initialDelay.equals(that.initialDelay)
                && maxDelay.equals(that.maxDelay)
                && Double.compare(multiplier, that.multiplier) == 0
                && Double.compare(jitter, that.jitter) == 0
                && maxRetryAfter.equals(that.maxRetryAfter) && paceOnRateLimit == that.paceOnRateLimit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialDelay, maxDelay, multiplier, jitter, maxRetryAfter, paceOnRateLimit);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter
                + (paceOnRateLimit ? "" : ", paceOnRateLimit=false") + "]";
    }

    /**
     * Builds a {@link RetryPolicy}. Each setter checks its argument at once. Not thread-safe; a builder may be reused,
     * and what it built never changes.
     */
    public static final class Builder {

        private int maxAttempts = 3;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(8);
        private double multiplier = 2.0;
        private double jitter = 0.25;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private boolean paceOnRateLimit = true;

        private Builder() {
        }

        /**
         * Sets the number of attempts in all, counting the first. Default 3.
         *
         * @param attempts at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code attempts} is below 1
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Sets the delay before the first retry. Default 0.5 s.
         *
         * @param delay zero or positive
         * @return this builder
         * @throws NullPointerException     if {@code delay} is null
         * @throws IllegalArgumentException if {@code delay} is negative
         */
        public Builder initialDelay(Duration delay) {
            this.initialDelay = nonNegative(delay, "initialDelay");
            return this;
        }

        /**
         * Sets the longest computed delay. Default 8 s. It must not be shorter than the initial delay when the
         * policy is built.
         *
         * @param delay zero or positive
         * @return this builder
         * @throws NullPointerException     if {@code delay} is null
         * @throws IllegalArgumentException if {@code delay} is negative
         */
        public Builder maxDelay(Duration delay) {
            this.maxDelay = nonNegative(delay, "maxDelay");
            return this;
        }

        /**
         * Sets the factor by which each delay grows. Default 2.
         *
         * @param multiplier at least 1, finite
         * @return this builder
         * @throws IllegalArgumentException if {@code multiplier} is below 1 or not finite
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the share by which each delay is randomly spread, up or down. Default 0.25; 0 turns jitter off.
         *
         * @param factor from 0 to 1
         * @return this builder
         * @throws IllegalArgumentException if {@code factor} is outside 0..1
         */
        public Builder jitter(double factor) {
            if (!(factor >= 0.0 && factor <= 1.0)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + factor);
            }
            this.jitter = factor;
            return this;
        }

        /**
         * Sets the longest server-requested wait that is honoured. Default 60 s. A {@code Retry-After} or
         * {@code X-RateLimit-Reset} asking for longer fails the call at once with the server's error.
         *
         * @param wait zero or positive
         * @return this builder
         * @throws NullPointerException     if {@code wait} is null
         * @throws IllegalArgumentException if {@code wait} is negative
         */
        public Builder maxRetryAfter(Duration wait) {
            this.maxRetryAfter = nonNegative(wait, "maxRetryAfter");
            return this;
        }

        /**
         * Sets whether the client paces its requests to an app once the service has said its rate limit is reached.
         * Default true: the app's pace becomes a little under what the service accepted in the last second, requests
         * wait for the time the service named, and the pace grows back slowly while nothing is refused; until a first
         * refusal nothing waits. False leaves only the retry of each refused request.
         *
         * @param pace true to pace
         * @return this builder
         */
        public Builder paceOnRateLimit(boolean pace) {
            this.paceOnRateLimit = pace;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return a new immutable policy
         * @throws IllegalStateException if the maximum delay is shorter than the initial delay
         */
        public RetryPolicy build() {
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalStateException(
                        "maxDelay (" + maxDelay + ") must not be shorter than initialDelay (" + initialDelay + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
