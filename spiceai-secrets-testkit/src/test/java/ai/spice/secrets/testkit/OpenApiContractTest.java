package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every secrets operation, with its success and error answers, against the emulator and checks each request
 * and response against the OpenAPI documents the testkit carries, with a real OpenAPI validator ({@link Contract}).
 * The routes around secrets are checked the same way by their own tests, through {@link CheckedClient}.
 */
class OpenApiContractTest {

    private static final String JSON = "application/json";

    private final MutableClock clock = MutableClock.at("2024-01-15T10:00:00Z");
    private final Set<String> statuses = new TreeSet<>();
    private SecretsEmulator emulator;

    @BeforeEach
    void start() {
        emulator = SecretsEmulator.builder().clock(clock).build();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void fullScenarioMatchesTheContractForEveryOperationAndStatus() {
        long app = emulator.createApp("contract");
        CheckedClient write = checked(emulator.issueToken("secrets:write"));
        CheckedClient read = checked(emulator.issueToken("secrets:read"));
        CheckedClient expiring = checked(emulator.issueToken(Duration.ofMinutes(5), "*"));
        String secrets = "/v1/apps/" + app + "/secrets";
        String projects = "/v1/projects/" + app + "/secrets";

        seen(write.post(secrets, "{\"name\":\"DATABASE_URL\",\"value\":\"postgres://x\"}"), 200);
        clock.advance(Duration.ofSeconds(1));
        seen(write.post(projects, "{\"name\":\"_internal_key\",\"value\":\"\\u0000\"}"), 200);
        seen(write.post(secrets, "{\"name\":\"A\",\"value\":\"v\",\"x\":1}"), 200);
        seen(read.get(secrets), 200);
        seen(read.get(projects), 200);
        seen(read.get(secrets + "/DATABASE_URL"), 200);
        seen(write.delete(secrets + "/_internal_key"), 204);
        seen(write.delete(projects + "/DATABASE_URL"), 204);
        seen(read.get(secrets + "/DATABASE_URL"), 404);
        seen(write.delete(secrets + "/DATABASE_URL"), 404);
        seen(read.get("/v1/apps/999999/secrets"), 404);
        seen(read.get("/v1/projects/999999/secrets"), 404);
        seen(read.post(secrets, "{\"name\":\"A\",\"value\":\"v\"}"), 403);
        seen(read.delete(secrets + "/A"), 403);
        seen(checked("unknown").get(secrets), 401);
        seen(CheckedClient.anonymous(emulator).header("Authorization", "Token abc").get(secrets), 401);
        seen(CheckedClient.anonymous(emulator).get(secrets), 401);
        clock.advance(Duration.ofMinutes(5));
        seen(expiring.get(secrets), 401);
        emulator.faults().next(1, secrets, Fault.status(429).retryAfter(Duration.ofSeconds(3)));
        seen(read.get(secrets), 429);
        emulator.faults().next(1, secrets, Fault.status(500));
        seen(read.get(secrets), 500);

        // Requests the contract itself forbids: the validator must see that the request was wrong, and the
        // emulator's answer must still match the contract.
        seen(read.forbiddenRequests().get("/v1/apps/abc/secrets"), 400);
        seen(read.forbiddenRequests().get("/v1/apps/0/secrets"), 400);
        seen(write.forbiddenRequests().post(secrets, "{\"name\":\"bad-name\",\"value\":\"v\"}"), 400);
        seen(write.forbiddenRequests().post(projects, "{\"name\":\"bad-name\",\"value\":\"v\"}"), 400);
        seen(write.forbiddenRequests().post(secrets, "{\"value\":7}"), 400);

        assertThat(statuses).contains("GET 200", "POST 200", "DELETE 204", "GET 400", "POST 400", "GET 401",
                "POST 403", "DELETE 403", "GET 404", "DELETE 404", "GET 429");
    }

    @Test
    void realRateLimitAnswersMatchTheContract() {
        try (SecretsEmulator limited = SecretsEmulator.builder().rateLimit(1, Duration.ofMinutes(1)).build()) {
            CheckedClient client = CheckedClient.of(limited, limited.issueToken("*"));
            String secrets = "/v1/apps/" + limited.createApp("limited") + "/secrets";

            assertThat(client.get(secrets).status()).isEqualTo(200);
            Contract.Exchange refused = client.get(secrets);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isPresent();
        }
    }

    @Test
    void oauthTokenExchangesMatchTheContract() {
        ClientCredentials client = emulator.registerClient("secrets:read");
        String json = ApiClient.json(Map.of("grant_type", "client_credentials",
                "client_id", client.clientId(), "client_secret", client.clientSecret()));
        String form = "grant_type=client_credentials&client_id=" + client.clientId()
                + "&client_secret=" + client.clientSecret();
        CheckedClient anonymous = CheckedClient.anonymous(emulator);

        seen(anonymous.post("/api/oauth/token", json), 200);
        seen(anonymous.header("Content-Type", "application/x-www-form-urlencoded")
                .send("POST", "/api/oauth/token", form), 200);
        seen(anonymous.post("/api/oauth/token", json.replace(client.clientSecret(), "wrong")), 401);
        seen(anonymous.forbiddenRequests().post("/api/oauth/token", json.replace("client_credentials", "password")),
                400);
    }

    @Test
    void validatorRejectsASecretWithAnUnmaskedValue() {
        long app = emulator.createApp("negative");
        String path = "/v1/apps/" + app + "/secrets/LEAKY";
        emulator.faults().next(1, path, Fault.status(200, "{\"id\":1,\"name\":\"LEAKY\",\"value\":\"plaintext!\","
                + "\"created_at\":\"2024-01-15T10:00:00.000Z\",\"updated_at\":\"2024-01-15T10:00:00.000Z\"}"));

        Contract.Exchange leaky = Contract.send(emulator.baseUrl(), "GET", path,
                Map.of("Authorization", "Bearer " + emulator.issueToken("*")), null);

        assertThat(leaky.status()).isEqualTo(200);
        assertThat(Contract.problems(leaky)).anySatisfy(problem ->
                assertThat(problem).contains("/value").contains("plaintext!"));
    }

    @Test
    void validatorRejectsMissingFieldsAndErrorsWithoutTheErrorKey() {
        OpenApiInteractionValidator validator = Contract.validator(Contract.SECRETS);
        SimpleResponse noTimestamps = SimpleResponse.Builder.ok().withContentType(JSON)
                .withBody("{\"id\":1,\"name\":\"A\",\"value\":\"**********\"}").build();
        SimpleResponse messageInsteadOfError = SimpleResponse.Builder.notFound().withContentType(JSON)
                .withBody("{\"message\":\"Secret not found\"}").build();

        assertThat(validator.validateResponse("/v1/apps/1/secrets/A", Request.Method.GET, noTimestamps).hasErrors())
                .isTrue();
        assertThat(validator.validateResponse("/v1/apps/1/secrets/A", Request.Method.GET, messageInsteadOfError)
                .hasErrors()).isTrue();
    }

    @Test
    void validatorRejectsAnAppWithAStringIdAndAListUnderTheWrongKey() {
        OpenApiInteractionValidator validator = Contract.validator(Contract.MANAGEMENT);
        ValidationReport stringId = validator.validateResponse("/v1/projects/1", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType(JSON).withBody("{\"id\":\"1\",\"name\":\"web\"}").build());
        ValidationReport wrongKey = validator.validateResponse("/v1/projects", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType(JSON).withBody("{\"apps\":[]}").build());

        assertThat(stringId.hasErrors()).isTrue();
        assertThat(wrongKey.hasErrors()).isTrue();
    }

    private CheckedClient checked(String token) {
        return CheckedClient.of(emulator, token);
    }

    private void seen(Contract.Exchange exchange, int expectedStatus) {
        assertThat(exchange.status()).as("%s", exchange).isEqualTo(expectedStatus);
        statuses.add(exchange.request().getMethod() + " " + exchange.status());
    }
}
