package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * Everything that can go wrong with one HTTP exchange, as a table row: how WireMock produces it for an operation. What
 * the SDK must make of each is the fault matrix's table ({@link RetryHttpTest}); the canary search meets every one of
 * them too, so both see the same faults.
 */
enum WireFault {
    /** Nothing listens on the port; {@link #response} is null, the test points the client at a closed port. */
    CONNECTION_REFUSED(null),
    RESET(op -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
    EMPTY_RESPONSE(op -> aResponse().withFault(Fault.EMPTY_RESPONSE)),
    GARBAGE_THEN_CLOSE(op -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
    MALFORMED_CHUNK(op -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
    /** The good answer, but later than {@link #SLOW_TIMEOUT}: the attempt times out. */
    SLOW(op -> op.ok().withFixedDelay(WireFault.SLOW_DELAY_MS)),
    STATUS_408(op -> status(408)),
    STATUS_429(op -> status(429)),
    STATUS_429_RETRY_AFTER_SECONDS(op -> status(429).withHeader("Retry-After", "1")),
    STATUS_429_RETRY_AFTER_DATE(op -> status(429).withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30)))),
    STATUS_429_RATE_LIMIT_RESET(op -> status(429).withHeader("X-RateLimit-Reset",
            Long.toString(System.currentTimeMillis() / 1000 + 30))),
    STATUS_500(op -> status(500)),
    STATUS_502(op -> status(502)),
    STATUS_503(op -> status(503)),
    STATUS_504(op -> status(504)),
    /** 200 whose body ends early: Content-Length promises more than is sent before the connection closes. */
    TRUNCATED_200(op -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withHeader("Content-Length", "400").withBody(Op.SECRET_BODY.substring(0, 60))),
    /** 200 with an HTML page; harmless for a delete, whose answer has no body to read. */
    NOT_JSON_200(op -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
            .withBody("<html><body>Welcome to nginx!</body></html>")),

    STATUS_301(op -> redirect(301)),
    STATUS_302(op -> redirect(302)),
    STATUS_307(op -> redirect(307)),
    STATUS_308(op -> redirect(308)),
    STATUS_400(op -> status(400)),
    STATUS_401(op -> status(401)),
    STATUS_403(op -> status(403)),
    STATUS_404(op -> aResponse().withStatus(404).withBody("{\"error\":\"Secret not found\"}")),
    STATUS_405(op -> status(405)),
    STATUS_409(op -> status(409)),
    STATUS_413(op -> status(413)),
    STATUS_422(op -> status(422)),
    STATUS_501(op -> status(501)),
    STATUS_505(op -> status(505));

    /**
     * The request timeout of clients that meet {@link #SLOW}; the answer comes {@link #SLOW_DELAY_MS} later. Generous,
     * since every other answer of such a client must come within it, on a loaded 2-core machine too (at 100 ms a
     * retry sometimes timed out as well during a full build).
     */
    static final Duration SLOW_TIMEOUT = Duration.ofMillis(250);
    static final int SLOW_DELAY_MS = 750;
    /** The builder's own default request timeout, for every other fault. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Function<Op, ResponseDefinitionBuilder> response;

    WireFault(Function<Op, ResponseDefinitionBuilder> response) {
        this.response = response;
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

    /** The request timeout a client meeting this fault needs: {@link #SLOW} is only a fault under a short one. */
    Duration requestTimeout() {
        return this == SLOW ? SLOW_TIMEOUT : DEFAULT_TIMEOUT;
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"status " + status + "\"}");
    }

    private static ResponseDefinitionBuilder redirect(int status) {
        return aResponse().withStatus(status).withHeader("Location", "http://127.0.0.1:9/v1/apps/42/secrets");
    }
}
