package ai.spice.secrets.errors;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The API answered 429 Too Many Requests, on every attempt or with a wait longer than the retry policy honours.
 */
public class RateLimitException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /** How long the API asked to wait, or null if it did not say (a field, so kept plain and serializable). */
    private final Duration retryAfter;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error      what the API said
     * @param retryAfter how long the API asked to wait; empty if it did not say
     * @throws NullPointerException if {@code retryAfter} is null
     */
    public RateLimitException(ServiceError error, Optional<Duration> retryAfter) {
        super(error);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter").orElse(null);
    }

    /**
     * How long the API asked to wait, from {@code Retry-After} (seconds or an HTTP date) or else
     * {@code X-RateLimit-Reset} (epoch seconds).
     *
     * @return the wait, or empty if the API did not say
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
