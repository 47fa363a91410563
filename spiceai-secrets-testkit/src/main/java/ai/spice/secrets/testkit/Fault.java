package ai.spice.secrets.testkit;

import ai.spice.secrets.testkit.internal.FaultSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What goes wrong with a request the emulator receives; schedule one with {@link SecretsEmulator#faults()}.
 * Immutable and thread-safe: {@link #retryAfter}, {@link #header} and {@link #contentType} return new faults.
 *
 * <pre>{@code
 * emulator.faults().next(1, "/v1/apps/1/secrets", Fault.status(429).retryAfter(Duration.ofSeconds(2)));
 * emulator.faults().next(1, "/v1/apps", Fault.dropConnectionAfterApply());
 * }</pre>
 */
public final class Fault {

    private static final String JSON = "application/json";
    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(400, "Bad request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not found"), Map.entry(409, "Conflict"),
            Map.entry(410, "The token or resource has expired"),
            Map.entry(413, "Request body exceeds the 1 MiB limit"), Map.entry(422, "Unprocessable entity"),
            Map.entry(429, "Rate limit exceeded"), Map.entry(500, "Internal server error"),
            Map.entry(502, "Bad gateway"), Map.entry(503, "Service unavailable"), Map.entry(504, "Gateway timeout"));

    private final FaultSpec spec;

    private Fault(FaultSpec spec) {
        this.spec = spec;
    }

    /**
     * Answers with a status instead of serving the request (nothing is applied). A status of 400 or more gets
     * the service's error shape, {@code {"error": "<reason>"}} (for 503: {@code Service unavailable}; for 410 and 413
     * the texts Spice documents, {@code The token or resource has expired} and
     * {@code Request body exceeds the 1 MiB limit}); a lower
     * status gets an empty body.
     *
     * @param status the HTTP status, 200 to 599
     * @return the fault
     * @throws IllegalArgumentException if the status is out of range
     */
    public static Fault status(int status) {
        checkStatus(status);
        String body = status >= 400 ? "{\"error\":\"" + MESSAGES.getOrDefault(status, "Error") + "\"}" : "";
        return status(status, body);
    }

    /**
     * Answers with a status and this exact body (as {@code application/json} unless {@link #contentType} says
     * otherwise) instead of serving the request: for empty, HTML or malformed error bodies, or a 2xx the client
     * cannot read.
     *
     * @param status the HTTP status, 200 to 599
     * @param body   the body, sent as UTF-8; empty for none
     * @return the fault
     * @throws IllegalArgumentException if the status is out of range
     * @throws NullPointerException     if {@code body} is null
     */
    public static Fault status(int status, String body) {
        checkStatus(status);
        Objects.requireNonNull(body, "body");
        return new Fault(new FaultSpec(FaultSpec.Kind.STATUS, status, JSON, body.getBytes(StandardCharsets.UTF_8),
                Map.of(), Duration.ZERO));
    }

    /**
     * Closes the connection without sending any response; the request is not applied. A JDK
     * {@code HttpClient} fails a POST or DELETE with an {@code IOException}, but silently retries a GET (an
     * idempotent request) once when no response byte came back: that retry reaches the emulator as a request of
     * its own, so a single dropped GET goes unnoticed. Use {@link #truncatedResponse()} for a GET that must fail.
     *
     * @return the fault
     */
    public static Fault dropConnection() {
        return new Fault(new FaultSpec(FaultSpec.Kind.DROP, 0, "", new byte[0], Map.of(), Duration.ZERO));
    }

    /**
     * The same as {@link #dropConnection()}, named for what the client sees (a reset or closed connection);
     * handy in a mix of random faults.
     *
     * @return the fault
     */
    public static Fault reset() {
        return dropConnection();
    }

    /**
     * Serves the request (an upsert or delete IS applied), then closes the connection without sending the
     * response: the lost response that makes a retry of a write meet its own earlier effect.
     *
     * @return the fault
     */
    public static Fault dropConnectionAfterApply() {
        return new Fault(new FaultSpec(FaultSpec.Kind.DROP_AFTER_APPLY, 0, "", new byte[0], Map.of(), Duration.ZERO));
    }

    /**
     * Serves the request (a write is applied), sends the status line, the headers and half of the body, then
     * closes the connection: the client fails while reading the body, and no HTTP client retries that on its
     * own. A response without a body (204) has nothing to cut off, so then nothing at all is sent, as with
     * {@link #dropConnectionAfterApply()}.
     *
     * @return the fault
     */
    public static Fault truncatedResponse() {
        return new Fault(new FaultSpec(FaultSpec.Kind.TRUNCATE, 0, "", new byte[0], Map.of(), Duration.ZERO));
    }

    /**
     * Holds the request for a while, then serves it normally: for client timeouts.
     *
     * @param delay how long, not negative
     * @return the fault
     * @throws IllegalArgumentException if {@code delay} is negative
     * @throws NullPointerException     if {@code delay} is null
     */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new Fault(new FaultSpec(FaultSpec.Kind.DELAY, 0, "", new byte[0], Map.of(), delay));
    }

    /**
     * Adds a {@code Retry-After} header in whole seconds (rounded up) to a status fault.
     *
     * @param retryAfter the wait to advertise, not negative ({@link Duration#ZERO} sends {@code 0})
     * @return a new fault
     * @throws IllegalArgumentException if {@code retryAfter} is negative
     * @throws IllegalStateException    if this is not a status fault
     * @throws NullPointerException     if {@code retryAfter} is null
     */
    public Fault retryAfter(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return header("Retry-After", Long.toString(seconds));
    }

    /**
     * Adds a response header to a status fault, e.g. {@code Retry-After} as an HTTP date.
     *
     * @param name  the header name
     * @param value the header value
     * @return a new fault
     * @throws IllegalStateException if this is not a status fault
     * @throws NullPointerException  if either is null
     */
    public Fault header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        requireStatus("header");
        Map<String, String> headers = new LinkedHashMap<>(spec.headers());
        headers.put(name, value);
        return new Fault(new FaultSpec(spec.kind(), spec.status(), spec.contentType(), spec.body(), headers,
                spec.delay()));
    }

    /**
     * Sets the {@code Content-Type} of a status fault's body (default {@code application/json}).
     *
     * @param contentType e.g. {@code text/html}
     * @return a new fault
     * @throws IllegalStateException if this is not a status fault
     * @throws NullPointerException  if {@code contentType} is null
     */
    public Fault contentType(String contentType) {
        Objects.requireNonNull(contentType, "contentType");
        requireStatus("contentType");
        return new Fault(new FaultSpec(spec.kind(), spec.status(), contentType, spec.body(), spec.headers(),
                spec.delay()));
    }

    FaultSpec spec() {
        return spec;
    }

    /**
     * Describes the fault.
     *
     * @return e.g. {@code Fault[STATUS 503]}
     */
    @Override
    public String toString() {
        return switch (spec.kind()) {
            case STATUS -> "Fault[STATUS " + spec.status() + (spec.headers().isEmpty() ? "" : " " + spec.headers()) + "]";
            case DELAY -> "Fault[DELAY " + spec.delay() + "]";
            default -> "Fault[" + spec.kind() + "]";
        };
    }

    private void requireStatus(String what) {
        if (spec.kind() != FaultSpec.Kind.STATUS) {
            throw new IllegalStateException(what + " applies to status faults only, not " + this);
        }
    }

    private static void checkStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200 to 599: " + status);
        }
    }
}
