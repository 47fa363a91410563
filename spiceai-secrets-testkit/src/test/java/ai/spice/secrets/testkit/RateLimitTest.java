package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00.250Z");
    private SecretsEmulator emulator;
    private ApiClient client;
    private String secrets;

    @BeforeEach
    void start() {
        emulator = SecretsEmulator.builder().clock(clock).rateLimit(3, Duration.ofSeconds(10)).build();
        client = ApiClient.of(emulator, emulator.issueToken("*"));
        secrets = "/v1/apps/" + emulator.createApp("limited") + "/secrets";
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void successfulResponsesCarryTheRateLimitHeaders() {
        HttpResponse<String> first = client.get(secrets);
        HttpResponse<String> second = client.get(secrets);

        long reset = Instant.parse("2030-01-01T00:00:10.250Z").getEpochSecond() + 1;
        assertThat(first.headers().firstValue("X-RateLimit-Limit")).contains("3");
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).contains("2");
        assertThat(first.headers().firstValue("X-RateLimit-Reset")).contains(Long.toString(reset));
        assertThat(second.headers().firstValue("X-RateLimit-Remaining")).contains("1");
        assertThat(first.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void requestBeyondTheLimitIs429WithRetryAfterAndReset() {
        for (int i = 0; i < 3; i++) {
            assertThat(client.get(secrets).statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(4));

        HttpResponse<String> refused = client.get(secrets);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).isEqualTo("{\"error\":\"Rate limit exceeded\"}");
        assertThat(refused.headers().firstValue("Retry-After")).contains("6");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(refused.headers().firstValue("X-RateLimit-Limit")).contains("3");
        assertThat(refused.headers().firstValue("X-RateLimit-Reset"))
                .contains(Long.toString(Instant.parse("2030-01-01T00:00:11Z").getEpochSecond()));
    }

    @Test
    void limitResetsWhenTheWindowEnds() {
        for (int i = 0; i < 4; i++) {
            client.get(secrets);
        }
        clock.advance(Duration.ofSeconds(10));

        HttpResponse<String> response = client.get(secrets);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("2");
    }

    @Test
    void errorResponsesCountAndCarryTheHeadersToo() {
        HttpResponse<String> notFound = client.get(secrets + "/MISSING");

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("X-RateLimit-Remaining")).contains("2");
    }

    @Test
    void tokenEndpointIsNotLimited() {
        ClientCredentials credentials = emulator.registerClient("*");
        for (int i = 0; i < 5; i++) {
            OAuthTokenTest.accessToken(emulator, credentials);
        }

        assertThat(client.get(secrets).headers().firstValue("X-RateLimit-Remaining")).contains("2");
    }

    @Test
    void eachProjectHasItsOwnBudgetUnderEitherPrefix() {
        long other = emulator.createApp("other");
        for (int i = 0; i < 3; i++) {
            client.get(secrets);
        }

        HttpResponse<String> sameProjectOtherPrefix = client.get(secrets.replace("/v1/apps/", "/v1/projects/"));
        HttpResponse<String> otherProject = client.get("/v1/projects/" + other + "/secrets");

        assertThat(sameProjectOtherPrefix.statusCode()).isEqualTo(429);
        assertThat(otherProject.statusCode()).isEqualTo(200);
        assertThat(otherProject.headers().firstValue("X-RateLimit-Remaining")).contains("2");
    }

    @Test
    void routesWithoutAProjectShareOneBudgetApartFromTheProjects() {
        for (int i = 0; i < 3; i++) {
            client.get("/v1/apps");
        }

        HttpResponse<String> orgs = client.get("/v1/orgs");

        assertThat(orgs.statusCode()).isEqualTo(429);
        assertThat(client.get(secrets).headers().firstValue("X-RateLimit-Remaining")).contains("2");
        assertThat(client.get("/v1/health").statusCode()).as("health is never limited").isEqualTo(200);
    }

    @Test
    void withoutALimitNoRateLimitHeadersAreSent() {
        try (SecretsEmulator unlimited = SecretsEmulator.start()) {
            ApiClient other = ApiClient.of(unlimited, unlimited.issueToken("*"));
            HttpResponse<String> response = other.get("/v1/apps/" + unlimited.createApp("x") + "/secrets");

            assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
    }
}
