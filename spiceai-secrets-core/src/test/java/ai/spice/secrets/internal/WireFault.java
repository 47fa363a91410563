package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import ai.spice.secrets.errors.BadRequestException;
import ai.spice.secrets.errors.ConflictException;
import ai.spice.secrets.errors.InternalServerException;
import ai.spice.secrets.errors.PayloadTooLargeException;
import ai.spice.secrets.errors.NotFoundException;
import ai.spice.secrets.errors.PermissionDeniedException;
import ai.spice.secrets.errors.RateLimitException;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.errors.SpiceIoException;
import ai.spice.secrets.errors.SpiceTimeoutException;
import ai.spice.secrets.errors.UnauthorizedException;
import ai.spice.secrets.errors.UnexpectedStatusCodeException;
import ai.spice.secrets.errors.UnprocessableEntityException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * Everything that can go wrong with one HTTP exchange, as a table row: how WireMock produces it for an operation,
 * whether the default policy retries it, what the caller gets when every attempt meets it, and the wait the client
 * should ask for before each retry. Shared by the fault matrix ({@link RetryHttpTest}), the time bounds and the
 * canary search, so that each sees the same faults.
 */
enum WireFault {
    /** Nothing listens on the port; {@link #response} is null, the test points the client at a closed port. */
    CONNECTION_REFUSED(null, true, SpiceIoException.class, Wait.BACKOFF),
    RESET(op -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), true, SpiceIoException.class, Wait.BACKOFF),
    EMPTY_RESPONSE(op -> aResponse().withFault(Fault.EMPTY_RESPONSE), true, SpiceIoException.class, Wait.BACKOFF),
    GARBAGE_THEN_CLOSE(op -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), true, SpiceIoException.class, Wait.BACKOFF),
    MALFORMED_CHUNK(op -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), true, SpiceIoException.class, Wait.BACKOFF),
    /** The good answer, but later than {@link #SLOW_TIMEOUT}: the attempt times out. */
    SLOW(op -> op.ok().withFixedDelay(WireFault.SLOW_DELAY_MS), true, SpiceTimeoutException.class, Wait.BACKOFF),
    STATUS_408(op -> status(408), true, UnexpectedStatusCodeException.class, Wait.BACKOFF),
    STATUS_429(op -> status(429), true, RateLimitException.class, Wait.BACKOFF),
    STATUS_429_RETRY_AFTER_SECONDS(op -> status(429).withHeader("Retry-After", "1"), true, RateLimitException.class,
            Wait.ONE_SECOND),
    STATUS_429_RETRY_AFTER_DATE(op -> status(429).withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30))), true, RateLimitException.class, Wait.ABOUT_30_SECONDS),
    STATUS_429_RATE_LIMIT_RESET(op -> status(429).withHeader("X-RateLimit-Reset",
            Long.toString(System.currentTimeMillis() / 1000 + 30)), true, RateLimitException.class, Wait.ABOUT_30_SECONDS),
    STATUS_500(op -> status(500), true, InternalServerException.class, Wait.BACKOFF),
    STATUS_502(op -> status(502), true, InternalServerException.class, Wait.BACKOFF),
    STATUS_503(op -> status(503), true, InternalServerException.class, Wait.BACKOFF),
    STATUS_504(op -> status(504), true, InternalServerException.class, Wait.BACKOFF),
    /** 200 whose body ends early: Content-Length promises twice what is sent before the connection closes. */
    TRUNCATED_200(op -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withHeader("Content-Length", "400").withBody(Op.SECRET_BODY.substring(0, 60)), true, SpiceIoException.class,
            Wait.BACKOFF),
    /** 200 with an HTML page; harmless for a delete, whose answer has no body to read. */
    NOT_JSON_200(op -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
            .withBody("<html><body>Welcome to nginx!</body></html>"), true, SpiceInvalidDataException.class, Wait.BACKOFF),

    STATUS_301(op -> redirect(301), false, UnexpectedStatusCodeException.class, Wait.NONE),
    STATUS_302(op -> redirect(302), false, UnexpectedStatusCodeException.class, Wait.NONE),
    STATUS_307(op -> redirect(307), false, UnexpectedStatusCodeException.class, Wait.NONE),
    STATUS_308(op -> redirect(308), false, UnexpectedStatusCodeException.class, Wait.NONE),
    STATUS_400(op -> status(400), false, BadRequestException.class, Wait.NONE),
    STATUS_401(op -> status(401), false, UnauthorizedException.class, Wait.NONE),
    STATUS_403(op -> status(403), false, PermissionDeniedException.class, Wait.NONE),
    STATUS_404(op -> aResponse().withStatus(404).withBody("{\"error\":\"Secret not found\"}"), false,
            NotFoundException.class, Wait.NONE),
    STATUS_405(op -> status(405), false, UnexpectedStatusCodeException.class, Wait.NONE),
    STATUS_409(op -> status(409), false, ConflictException.class, Wait.NONE),
    STATUS_413(op -> status(413), false, PayloadTooLargeException.class, Wait.NONE),
    STATUS_422(op -> status(422), false, UnprocessableEntityException.class, Wait.NONE),
    STATUS_501(op -> status(501), false, InternalServerException.class, Wait.NONE),
    STATUS_505(op -> status(505), false, InternalServerException.class, Wait.NONE);

    /** The request timeout of clients that meet {@link #SLOW}; the answer comes {@link #SLOW_DELAY_MS} later. */
    static final Duration SLOW_TIMEOUT = Duration.ofMillis(100);
    static final int SLOW_DELAY_MS = 300;

    /** The wait the client asks for before retry {@code n} (1-based), with the default policy and no jitter. */
    enum Wait {
        NONE, BACKOFF, ONE_SECOND, ABOUT_30_SECONDS;

        boolean allows(int retry, Duration delay) {
            return switch (this) {
                case NONE -> false;
                case BACKOFF -> delay.equals(Duration.ofMillis(500L << (retry - 1)));
                case ONE_SECOND -> delay.equals(Duration.ofSeconds(1));
                // an HTTP date has whole seconds, so the wait is 29 to 30 s when the stub was just made
                case ABOUT_30_SECONDS -> delay.compareTo(Duration.ofSeconds(25)) > 0 && delay.compareTo(Duration.ofSeconds(30)) <= 0;
            };
        }
    }

    private final Function<Op, ResponseDefinitionBuilder> response;
    final boolean retryable;
    final Class<? extends SpiceException> thrown;
    final Wait wait;

    WireFault(Function<Op, ResponseDefinitionBuilder> response, boolean retryable, Class<? extends SpiceException> thrown,
              Wait wait) {
        this.response = response;
        this.retryable = retryable;
        this.thrown = thrown;
        this.wait = wait;
    }

    /** The WireMock answer that produces this fault for {@code op}; not for {@link #CONNECTION_REFUSED}. */
    ResponseDefinitionBuilder response(Op op) {
        if (response == null) {
            throw new IllegalStateException(this + " is not an answer: point the client at a closed port");
        }
        return response.apply(op);
    }

    boolean isAnswer() {
        return response != null;
    }

    /** Whether the operation never meets this fault: a delete does not read the body of its answer. */
    boolean harmlessFor(Op op) {
        return this == NOT_JSON_200 && op.okBody == null;
    }

    /** Whether the operation absorbs the fault as an answer: find gives empty and deleteIfExists false on 404. */
    boolean absorbedBy(Op op) {
        return this == STATUS_404 && op.absorbsNotFound();
    }

    /**
     * How many requests the server sees per SDK attempt. The JDK's HttpClient itself sends an idempotent GET once
     * more when the connection closes before any byte of the response (its recovery from stale pooled connections).
     */
    int requestsPerAttempt(Op op) {
        return (this == RESET || this == EMPTY_RESPONSE) && op.method.equals("GET") ? 2 : 1;
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"status " + status + "\"}");
    }

    private static ResponseDefinitionBuilder redirect(int status) {
        return aResponse().withStatus(status).withHeader("Location", "http://127.0.0.1:9/v1/apps/42/secrets");
    }
}
