package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.BadRequestException;
import ai.spice.secrets.errors.ConflictException;
import ai.spice.secrets.errors.GoneException;
import ai.spice.secrets.errors.InternalServerException;
import ai.spice.secrets.errors.NotFoundException;
import ai.spice.secrets.errors.PayloadTooLargeException;
import ai.spice.secrets.errors.PermissionDeniedException;
import ai.spice.secrets.errors.RateLimitException;
import ai.spice.secrets.errors.SpiceServiceException;
import ai.spice.secrets.errors.UnauthorizedException;
import ai.spice.secrets.errors.UnexpectedStatusCodeException;
import ai.spice.secrets.errors.UnprocessableEntityException;
import ai.spice.secrets.internal.http.ErrorMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    enum Body {
        JSON("application/json", "{\"error\":\"boom happened\",\"code\":\"some_code\"}"),
        EMPTY(null, ""),
        HTML("text/html", "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"),
        NOT_JSON("text/plain", "upstream connect error or disconnect/reset before headers");

        final String contentType;
        final String text;

        Body(String contentType, String text) {
            this.contentType = contentType;
            this.text = text;
        }
    }

    static Stream<Arguments> statusTable() {
        Map<Integer, Class<? extends SpiceServiceException>> table = new java.util.LinkedHashMap<>();
        table.put(400, BadRequestException.class);
        table.put(401, UnauthorizedException.class);
        table.put(403, PermissionDeniedException.class);
        table.put(404, NotFoundException.class);
        table.put(409, ConflictException.class);
        table.put(410, GoneException.class);
        table.put(413, PayloadTooLargeException.class);
        table.put(422, UnprocessableEntityException.class);
        table.put(429, RateLimitException.class);
        table.put(500, InternalServerException.class);
        table.put(501, InternalServerException.class);
        table.put(502, InternalServerException.class);
        table.put(503, InternalServerException.class);
        table.put(504, InternalServerException.class);
        table.put(599, InternalServerException.class);
        table.put(302, UnexpectedStatusCodeException.class);
        table.put(405, UnexpectedStatusCodeException.class);
        table.put(418, UnexpectedStatusCodeException.class);
        return table.entrySet().stream().flatMap(row -> Stream.of(Body.values())
                .map(body -> Arguments.of(row.getKey(), body, row.getValue())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "403, plan_limit", "409, project_paused", "403, insufficient_scope", "403, org_forbidden",
            "403, org_assertion_mismatch", "400, invalid_org_assertion", "400, spicepod_paused",
            "409, project_not_deployed", "404, instance_not_found", "403, a_code_not_documented_yet"})
    void theServiceCodeReachesErrorCodeUnchanged(int status, String code) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"refused\",\"code\":\"" + code + "\"}")));
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).retryPolicy(RetryPolicy.none())
                .build()) {
            SpiceServiceException e = catchThrowableOfType(SpiceServiceException.class, () -> client.list(42));
            assertThat(e.errorCode()).contains(code);
            assertThat(e.getMessage()).contains("(code " + code + ")");
        }
    }

    @ParameterizedTest(name = "{0} with {1} body -> {2}")
    @MethodSource("statusTable")
    void mapsEveryStatusToItsExceptionWhateverTheBody(int status, Body body, Class<? extends SpiceServiceException> type) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody(body.text).withHeader("x-request-id", "req-7");
        if (body.contentType != null) {
            response = response.withHeader("Content-Type", body.contentType);
        }
        if (status == 302) {
            response = response.withHeader("Location", "https://elsewhere.example/steal");
        }
        server.stubFor(Op.GET.stub().willReturn(response));
        SpiceServiceException e;
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).retryPolicy(RetryPolicy.none()).build()) {
            e = catchThrowableOfType(SpiceServiceException.class, () -> client.get(42, "DB_URL"));
        }
        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.requestId()).contains("req-7");
        assertThat(e.getMessage()).startsWith(status + " on GET /v1/apps/42/secrets/DB_URL: ").contains("req-7");
        if (body == Body.JSON) {
            assertThat(e.serverMessage()).isEqualTo("boom happened");
            assertThat(e.errorCode()).contains("some_code");
        } else {
            assertThat(e.serverMessage()).isEqualTo(ErrorMapper.reason(status));
            assertThat(e.errorCode()).isEmpty();
            assertThat(e.getMessage()).doesNotContain("<html>");
        }
        assertThat(server.countRequestsMatching(Op.GET.stub().build().getRequest()).getCount()).isEqualTo(1);
    }

    @Test
    void requestIdFallsBackToVercelId() {
        server.stubFor(Op.GET.stub().willReturn(aResponse().withStatus(404).withHeader("x-vercel-id", "iad1::abc")
                .withBody("{\"error\":\"Secret not found\"}")));
        try (SecretsClient client = TestClients.client(server)) {
            assertThatThrownBy(() -> client.get(42, "DB_URL")).isInstanceOfSatisfying(NotFoundException.class,
                    e -> assertThat(e.requestId()).contains("iad1::abc"));
        }
    }

    @Test
    void validationFailureCarriesFieldErrors() {
        server.stubFor(Op.UPSERT.stub().willReturn(aResponse().withStatus(400).withBody("{\"error\":\"Validation error\","
                + "\"details\":{\"fieldErrors\":{\"name\":[\"Secret name must start with a letter or underscore\"]},\"formErrors\":[]}}")));
        try (SecretsClient client = TestClients.client(server)) {
            assertThatThrownBy(() -> client.upsert(42, "DB_URL", "v")).isInstanceOfSatisfying(BadRequestException.class, e -> {
                assertThat(e.serverMessage()).isEqualTo("Validation error");
                assertThat(e.fieldErrors()).isEqualTo(Map.of("name", List.of("Secret name must start with a letter or underscore")));
                assertThat(e.getMessage()).contains("fields [name]");
            });
        }
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "GET, '{\"error\":\"Insufficient scope. Required: secrets:admin\",\"code\":\"insufficient_scope\"}', secrets:admin",
            "POST, '{\"error\":\"Insufficient scope. Required: secrets:write\",\"code\":\"insufficient_scope\"}', secrets:write",
            "POST, '{\"error\":\"Forbidden\",\"code\":\"forbidden\"}', secrets:write",
            "GET, '', secrets:read",
            "DELETE, '<html>denied</html>', secrets:write",
    })
    void permissionDeniedNamesTheRequiredScope(String method, String body, String scope) {
        Op op = switch (method) {
            case "GET" -> Op.LIST;
            case "POST" -> Op.UPSERT;
            default -> Op.DELETE;
        };
        server.stubFor(op.stub().willReturn(aResponse().withStatus(403).withBody(body)));
        try (SecretsClient client = TestClients.client(server)) {
            assertThatThrownBy(() -> op.run(client, Op.Mode.SYNC)).isInstanceOfSatisfying(PermissionDeniedException.class,
                    e -> assertThat(e.requiredScope()).contains(scope));
        }
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withBody("{\"error\":\"Rate limit exceeded\"}")));
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> client.list(42)).isInstanceOfSatisfying(RateLimitException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        }
    }

    @Test
    void errorObjectWithMessageIsUnderstoodToo() {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"db down\"}}")));
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> client.list(42)).isInstanceOfSatisfying(InternalServerException.class,
                    e -> assertThat(e.serverMessage()).isEqualTo("db down"));
        }
    }
}
