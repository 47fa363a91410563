package ai.spice.secrets.internal.http;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long the server asked the client to wait: {@code Retry-After} (delta seconds or an HTTP date) first, else
 * {@code X-RateLimit-Reset} (epoch seconds; a value too small to be an epoch time is taken as delta seconds). A time
 * already past gives zero. Unparseable values are ignored.
 */
public final class ServerHint {

    /** Values below this (2001-09-09) are delta seconds, not epoch seconds. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    private ServerHint() {
    }

    public static Optional<Duration> from(HttpHeaders headers, Instant now) {
        Optional<Duration> retryAfter = headers.firstValue("retry-after").flatMap(value -> retryAfter(value, now));
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        return headers.firstValue("x-ratelimit-reset").flatMap(value -> rateLimitReset(value, now));
    }

    static Optional<Duration> retryAfter(String value, Instant now) {
        String text = value.strip();
        Optional<Duration> seconds = seconds(text);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(until(at, now));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> rateLimitReset(String value, Instant now) {
        return seconds(value.strip()).map(reset -> reset.getSeconds() >= EPOCH_THRESHOLD
                ? until(Instant.ofEpochSecond(reset.getSeconds(), reset.getNano()), now)
                : reset);
    }

    private static Optional<Duration> seconds(String text) {
        if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            return Optional.empty();
        }
        try {
            BigDecimal secs = new BigDecimal(text);
            return Optional.of(Duration.ofNanos(secs.movePointRight(9).longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Duration until(Instant at, Instant now) {
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
