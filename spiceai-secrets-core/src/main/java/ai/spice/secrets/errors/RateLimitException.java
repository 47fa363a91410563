package ai.spice.secrets.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * The API answered 429 Too Many Requests, on every attempt or with a wait longer than the retry policy honours.
 */
public class RateLimitException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /** How long the API asked to wait, or null. */
    private final Duration retryAfter;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error      what the API said
     * @param retryAfter how long the API asked to wait, or null if it did not say
     */
    public RateLimitException(ServiceError error, Duration retryAfter) {
        super(error);
        this.retryAfter = retryAfter;
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
