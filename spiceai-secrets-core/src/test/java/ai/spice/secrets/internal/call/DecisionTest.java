package ai.spice.secrets.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.ApiPaths;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.internal.http.ApiRequest;
import ai.spice.secrets.internal.http.RawResponse;
import ai.spice.secrets.internal.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a call does after an attempt, as one table: the operation, how the exchange ended, and the call's state give
 * the next step. The exchanges are classified from real responses and transport errors, so the table covers the
 * classify step too. The wait arithmetic itself is {@code RetryRulesTest}'s table.
 */
class DecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String SECRET = "{\"id\":1,\"name\":\"A\",\"value\":\"***\","
            + "\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}";

    /** The operations with the replies the client gives them. */
    private enum Operation {
        GET(ApiRequest.get(ApiPaths.APPS, 1, "A"), Reply.of(DecisionTest::secretName)),
        FIND(ApiRequest.get(ApiPaths.APPS, 1, "A"), Reply.of(DecisionTest::secretName).orEmptyIfMissing()),
        UPSERT(ApiRequest.upsert(ApiPaths.APPS, 1, "A", SecretValue.of("v")), Reply.of(DecisionTest::secretName)),
        DELETE(ApiRequest.delete(ApiPaths.APPS, 1, "A"), Reply.noBody("deleted")),
        DELETE_IF_EXISTS(ApiRequest.delete(ApiPaths.APPS, 1, "A"), Reply.noBody(true).orIfMissing(false));

        final ApiRequest request;
        final Reply<?> reply;

        Operation(ApiRequest request, Reply<?> reply) {
            this.request = request;
            this.reply = reply;
        }
    }

    @ParameterizedTest(name = "{0}: {1}, attempt {2}, answer lost {3}, token refreshable {4} -> {5}")
    @CsvSource({
            // operation, exchange, attempt, an earlier answer lost, a new token may help, decision
            "GET,              200,           1, false, false, succeed A",
            "FIND,             200,           1, false, false, succeed Optional[A]",
            "DELETE_IF_EXISTS, 204,           1, false, false, succeed true",
            "GET,              404 secret,    1, false, false, fail NotFoundException",
            "FIND,             404 secret,    1, false, false, absent Optional.empty NotFoundException",
            "DELETE_IF_EXISTS, 404 secret,    1, false, false, absent false NotFoundException",
            "FIND,             404 app,       1, false, false, fail NotFoundException",
            "DELETE_IF_EXISTS, 404 app,       1, false, false, fail NotFoundException",
            "DELETE,           404 secret,    1, false, false, fail NotFoundException",
            "DELETE,           404 secret,    2, true,  false, succeed deleted",
            "DELETE_IF_EXISTS, 404 secret,    2, true,  false, succeed true",
            "DELETE,           404 app,       2, true,  false, fail NotFoundException",
            "GET,              404 secret,    2, true,  false, fail NotFoundException",
            "GET,              401,           1, false, true,  repeat UnauthorizedException",
            "GET,              401,           1, false, false, fail UnauthorizedException",
            "UPSERT,           401,           2, false, true,  repeat UnauthorizedException",
            "GET,              403,           1, false, true,  fail PermissionDeniedException",
            "GET,              503,           1, false, false, retry PT0.5S InternalServerException",
            "GET,              503,           3, false, false, fail InternalServerException",
            "GET,              503 wait 2,    1, false, false, retry PT2S InternalServerException",
            "GET,              429 wait 61,   1, false, false, fail RateLimitException",
            "UPSERT,           400,           1, false, false, fail BadRequestException",
            "GET,              reset,         1, false, false, retry PT0.5S SpiceIoException",
            "UPSERT,           refused,       2, false, false, retry PT1S SpiceIoException",
            "GET,              timeout,       3, false, false, fail SpiceTimeoutException",
            "GET,              unreadable,    1, false, false, retry PT0.5S SpiceInvalidDataException",
            "DELETE,           cancelled,     1, false, true,  abandon CancellationException",
    })
    void decidesTheNextStep(Operation operation, String exchange, int attempt, boolean answerLost,
                            boolean canRefreshToken, String expected) {
        Decision<?> decision = decide(operation, exchange, attempt, answerLost, canRefreshToken, () -> 0.5);
        assertThat(describe(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"reset, true", "timeout, true", "refused, false", "unreadable, false", "503, false"})
    void anAnswerIsLostOnlyWhenTheRequestLeftAndNoAnswerCame(String exchange, boolean lost) {
        Exchange<?> classified = classify(Operation.DELETE, exchange, true);
        assertThat(classified instanceof Exchange.Failed<?> failed && failed.answerLost()).isEqualTo(lost);
        assertThat(classify(Operation.DELETE, exchange, false) instanceof Exchange.Failed<?> unsent
                && unsent.answerLost()).isFalse();
    }

    @Test
    void drawsTheJitterOnlyForARetryableFailure() {
        AtomicInteger draws = new AtomicInteger();
        for (String exchange : List.of("200", "404 secret", "400", "401")) {
            decide(Operation.FIND, exchange, 1, false, true, () -> draws.incrementAndGet() * 0.0);
        }
        assertThat(draws).hasValue(0);
        decide(Operation.GET, "503", 1, false, false, () -> draws.incrementAndGet() * 0.0);
        assertThat(draws).hasValue(1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Decision<?> decide(Operation operation, String exchange, int attempt, boolean answerLost,
                                      boolean canRefreshToken, DoubleSupplier random) {
        Decision.State state = new Decision.State(attempt, operation.request.operation(), answerLost, canRefreshToken);
        return Decision.next((Exchange) classify(operation, exchange, true), (Reply) operation.reply, state,
                RetryPolicy.defaults(), random);
    }

    private static Exchange<?> classify(Operation operation, String exchange, boolean sent) {
        Throwable error = switch (exchange) {
            case "reset" -> new IOException("connection reset");
            case "refused" -> new ConnectException("refused");
            case "timeout" -> new HttpTimeoutException("timed out");
            case "cancelled" -> new CancellationException();
            default -> null;
        };
        return Exchange.of(error == null ? response(exchange) : null, error, sent, operation.request, operation.reply,
                NOW);
    }

    private static RawResponse response(String exchange) {
        String[] parts = exchange.split(" ");
        if (parts[0].equals("unreadable")) {
            return new RawResponse(200, headers(Map.of()), "{\"id\":".getBytes(StandardCharsets.UTF_8));
        }
        int status = Integer.parseInt(parts[0]);
        String body = status == 200 ? SECRET
                : parts.length > 1 && parts[1].equals("app") ? "{\"error\":\"App not found\"}"
                : parts.length > 1 && parts[1].equals("secret") ? "{\"error\":\"Secret not found\"}"
                : "{\"error\":\"no\"}";
        Map<String, List<String>> headers = parts.length > 2 && parts[1].equals("wait")
                ? Map.of("Retry-After", List.of(parts[2])) : Map.of();
        return new RawResponse(status, headers(headers), status == 204 ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    private static String secretName(byte[] body, String what) {
        return Json.readSecret(body, what).name();
    }

    private static HttpHeaders headers(Map<String, List<String>> headers) {
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    private static String describe(Decision<?> decision) {
        if (decision instanceof Decision.Succeed<?> success) {
            return "succeed " + success.value();
        }
        if (decision instanceof Decision.Absent<?> absent) {
            return "absent " + (absent.value() instanceof Optional<?> o && o.isEmpty() ? "Optional.empty" : absent.value())
                    + " " + absent.notFound().getClass().getSimpleName();
        }
        if (decision instanceof Decision.RepeatWithNewToken<?> repeat) {
            return "repeat " + repeat.unauthorized().getClass().getSimpleName();
        }
        if (decision instanceof Decision.Retry<?> retry) {
            return "retry " + retry.delay() + " " + retry.failure().getClass().getSimpleName();
        }
        if (decision instanceof Decision.Fail<?> failure) {
            return "fail " + failure.failure().getClass().getSimpleName();
        }
        return "abandon " + ((Decision.Abandon<?>) decision).cause().getClass().getSimpleName();
    }
}
