package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every operation, with its success and error answers, against the emulator and checks each request and
 * response against the OpenAPI document the testkit carries, with a real OpenAPI validator.
 */
class OpenApiContractTest {

    private static final String SPEC = "/ai/spice/secrets/testkit/secrets-openapi.yaml";
    private static final String JSON = "application/json";

    private static OpenApiInteractionValidator validator;

    private final MutableClock clock = MutableClock.at("2024-01-15T10:00:00Z");
    private final Set<String> statuses = new TreeSet<>();
    private SecretsEmulator emulator;

    @BeforeAll
    static void loadContract() throws IOException {
        try (InputStream in = SecretsEmulator.class.getResourceAsStream(SPEC)) {
            assertThat(in).as(SPEC).isNotNull();
            validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .build();
        }
    }

    @BeforeEach
    void start() {
        emulator = SecretsEmulator.builder().clock(clock).build();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** A request as sent and the response as received, in the validator's model. */
    private record Exchange(Request request, SimpleResponse response, int status, String path) {}

    @Test
    void fullScenarioMatchesTheContractForEveryOperationAndStatus() {
        long app = emulator.createApp("contract");
        String write = "Bearer " + emulator.issueToken("secrets:write");
        String read = "Bearer " + emulator.issueToken("secrets:read");
        String expiring = "Bearer " + emulator.issueToken(Duration.ofMinutes(5), "*");
        String secrets = "/v1/apps/" + app + "/secrets";
        String projects = "/v1/projects/" + app + "/secrets";

        valid(call("POST", secrets, write, "{\"name\":\"DATABASE_URL\",\"value\":\"postgres://x\"}"), 200);
        clock.advance(Duration.ofSeconds(1));
        valid(call("POST", projects, write, "{\"name\":\"_internal_key\",\"value\":\"\\u0000\"}"), 200);
        valid(call("GET", secrets, read, null), 200);
        valid(call("GET", projects, read, null), 200);
        valid(call("GET", secrets + "/DATABASE_URL", read, null), 200);
        valid(call("DELETE", secrets + "/_internal_key", write, null), 204);
        valid(call("DELETE", projects + "/DATABASE_URL", write, null), 204);
        valid(call("GET", secrets + "/DATABASE_URL", read, null), 404);
        valid(call("DELETE", secrets + "/DATABASE_URL", write, null), 404);
        valid(call("GET", "/v1/apps/999999/secrets", read, null), 404);
        valid(call("POST", secrets, read, "{\"name\":\"A\",\"value\":\"v\"}"), 403);
        valid(call("DELETE", secrets + "/A", read, null), 403);
        valid(call("GET", secrets, "Bearer unknown", null), 401);
        valid(call("GET", secrets, "Token abc", null), 401);
        clock.advance(Duration.ofMinutes(5));
        valid(call("GET", secrets, expiring, null), 401);
        emulator.faults().next(1, secrets, Fault.status(429).retryAfter(Duration.ofSeconds(3)));
        valid(call("GET", secrets, read, null), 429);
        emulator.faults().next(1, secrets, Fault.status(500));
        valid(call("GET", secrets, read, null), 500);

        // Without credentials: the validator does not check bearer security, so only the answer is checked.
        validResponse(call("GET", secrets, null, null), 401);
        // Requests the contract itself forbids: the validator must see that the request was wrong, and the
        // emulator's answer must still match the contract.
        invalidRequestValidResponse(call("GET", "/v1/apps/abc/secrets", read, null), 400);
        invalidRequestValidResponse(call("GET", "/v1/apps/0/secrets", read, null), 400);
        invalidRequestValidResponse(call("POST", secrets, write, "{\"name\":\"bad-name\",\"value\":\"v\"}"), 400);
        invalidRequestValidResponse(call("POST", secrets, write, "{\"name\":\"A\",\"value\":\"v\",\"x\":1}"), 400);
        invalidRequestValidResponse(call("POST", secrets, write, "{\"value\":7}"), 400);

        assertThat(statuses).contains("GET 200", "POST 200", "DELETE 204", "GET 400", "POST 400", "GET 401",
                "POST 403", "DELETE 403", "GET 404", "DELETE 404", "GET 429");
    }

    @Test
    void realRateLimitAnswersMatchTheContract() {
        try (SecretsEmulator limited = SecretsEmulator.builder().rateLimit(1, Duration.ofMinutes(1)).build()) {
            emulator.close();
            emulator = limited;
            String token = "Bearer " + limited.issueToken("*");
            String secrets = "/v1/apps/" + limited.createApp("limited") + "/secrets";

            valid(call("GET", secrets, token, null), 200);
            Exchange refused = call("GET", secrets, token, null);

            valid(refused, 429);
            assertThat(refused.response().getHeaderValue("Retry-After")).isPresent();
        }
    }

    @Test
    void oauthTokenExchangesMatchTheContract() {
        ClientCredentials client = emulator.registerClient("secrets:read");
        String json = ApiClient.json(Map.of("grant_type", "client_credentials",
                "client_id", client.clientId(), "client_secret", client.clientSecret()));
        String form = "grant_type=client_credentials&client_id=" + client.clientId()
                + "&client_secret=" + client.clientSecret();

        valid(send("POST", "/api/oauth/token", null, JSON, json), 200);
        valid(send("POST", "/api/oauth/token", null, "application/x-www-form-urlencoded", form), 200);
        valid(send("POST", "/api/oauth/token", null, JSON, json.replace(client.clientSecret(), "wrong")), 401);
        invalidRequestValidResponse(send("POST", "/api/oauth/token", null, JSON,
                json.replace("client_credentials", "password")), 400);
    }

    @Test
    void validatorRejectsASecretWithAnUnmaskedValue() {
        long app = emulator.createApp("negative");
        String path = "/v1/apps/" + app + "/secrets/LEAKY";
        emulator.faults().next(1, path, Fault.status(200, "{\"id\":1,\"name\":\"LEAKY\",\"value\":\"plaintext!\","
                + "\"created_at\":\"2024-01-15T10:00:00.000Z\",\"updated_at\":\"2024-01-15T10:00:00.000Z\"}"));

        Exchange leaky = call("GET", path, "Bearer " + emulator.issueToken("*"), null);
        ValidationReport report = validator.validate(leaky.request(), leaky.response());

        assertThat(leaky.status()).isEqualTo(200);
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.getMessages()).anySatisfy(message ->
                assertThat(message.getMessage()).contains("/value").contains("plaintext!"));
    }

    @Test
    void validatorRejectsMissingFieldsAndErrorsWithoutTheErrorKey() {
        SimpleResponse noTimestamps = SimpleResponse.Builder.ok().withContentType(JSON)
                .withBody("{\"id\":1,\"name\":\"A\",\"value\":\"**********\"}").build();
        SimpleResponse messageInsteadOfError = SimpleResponse.Builder.notFound().withContentType(JSON)
                .withBody("{\"message\":\"Secret not found\"}").build();

        assertThat(validator.validateResponse("/v1/apps/1/secrets/A", Request.Method.GET, noTimestamps).hasErrors())
                .isTrue();
        assertThat(validator.validateResponse("/v1/apps/1/secrets/A", Request.Method.GET, messageInsteadOfError)
                .hasErrors()).isTrue();
    }

    private void valid(Exchange exchange, int expectedStatus) {
        assertThat(exchange.status()).as(exchange.path()).isEqualTo(expectedStatus);
        ValidationReport report = validator.validate(exchange.request(), exchange.response());
        assertThat(report.hasErrors()).as("%s %d: %s", exchange.path(), exchange.status(), report.getMessages())
                .isFalse();
        statuses.add(exchange.request().getMethod() + " " + exchange.status());
    }

    private void invalidRequestValidResponse(Exchange exchange, int expectedStatus) {
        assertThat(validator.validateRequest(exchange.request()).hasErrors()).as(exchange.path()).isTrue();
        validResponse(exchange, expectedStatus);
    }

    private void validResponse(Exchange exchange, int expectedStatus) {
        assertThat(exchange.status()).as(exchange.path()).isEqualTo(expectedStatus);
        ValidationReport report = validator.validateResponse(exchange.path(), exchange.request().getMethod(),
                exchange.response());
        assertThat(report.hasErrors()).as("%s %d: %s", exchange.path(), exchange.status(), report.getMessages())
                .isFalse();
        statuses.add(exchange.request().getMethod() + " " + exchange.status());
    }

    private Exchange call(String method, String path, String authorization, String body) {
        return send(method, path, authorization, body == null ? null : JSON, body);
    }

    private Exchange send(String method, String path, String authorization, String contentType, String body) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.forEach((name, value) -> {
            http.header(name, value);
            request.withHeader(name, value);
        });
        if (body != null) {
            request.withBody(body);
        }
        HttpResponse<String> received = ApiClient.send(http);
        SimpleResponse.Builder response = new SimpleResponse.Builder(received.statusCode());
        received.headers().map().forEach(response::withHeader);
        if (!received.body().isEmpty()) {
            response.withBody(received.body());
        }
        return new Exchange(request.build(), response.build(), received.statusCode(), path);
    }
}
