package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthTest {

    private final MutableClock clock = MutableClock.at("2026-09-17T15:13:40.251Z");
    private SecretsEmulator emulator;

    @BeforeEach
    void start() {
        emulator = SecretsEmulator.builder().clock(clock).rateLimit(1, Duration.ofMinutes(1)).build();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void healthAnswersOkWithAMillisecondTimestampWithoutAuthentication() {
        Contract.Exchange health = CheckedClient.anonymous(emulator).get("/v1/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Content-Type")).contains("application/json");
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"timestamp\":\"2026-09-17T15:13:40.251Z\"}");
    }

    @Test
    void timestampFollowsTheClockWithThreeMillisecondDigits() {
        clock.advance(Duration.ofMillis(749));

        assertThat(CheckedClient.anonymous(emulator).get("/v1/health").json().get("timestamp").textValue())
                .isEqualTo("2026-09-17T15:13:41.000Z");
    }

    /** Each row: a header a client may send; health needs no credential, so none of them matters. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "Authorization | Bearer unknown-token",
        "Authorization | Token abc",
        "X-Org-Name    | nowhere",
        "X-Org-Name    | ''",
        "Content-Type  | application/json",
    })
    void healthIgnoresCredentialsAndOrganizationHeaders(String name, String value) {
        assertThat(CheckedClient.anonymous(emulator).header(name, value).get("/v1/health").status()).isEqualTo(200);
    }

    @Test
    void healthIsNeverRateLimited() {
        for (int i = 0; i < 3; i++) {
            Contract.Exchange health = CheckedClient.anonymous(emulator).get("/v1/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.header("X-RateLimit-Limit")).isEmpty();
        }
    }

    @Test
    void otherMethodsOnHealthAre405() {
        // The contract declares GET only, so the validator must refuse the request; there is no answer to check.
        Contract.Exchange post = Contract.send(emulator.baseUrl(), "POST", "/v1/health", java.util.Map.of(), "{}");

        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).contains("GET");
        assertThat(Contract.requestProblems(post)).isNotEmpty();
    }
}
