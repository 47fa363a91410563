package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectionTest {

    private SecretsEmulator emulator;
    private ApiClient client;
    private long appId;
    private String secrets;

    @BeforeEach
    void start() {
        emulator = SecretsEmulator.start();
        client = ApiClient.of(emulator, emulator.issueToken("*"));
        appId = emulator.createApp("faults");
        secrets = "/v1/apps/" + appId + "/secrets";
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void statusFaultAnswersTheNextMatchingRequestsThenStops() {
        emulator.faults().next(2, secrets, Fault.status(503));

        assertThat(client.get(secrets).statusCode()).isEqualTo(503);
        assertThat(emulator.faults().pending()).isEqualTo(1);
        HttpResponse<String> second = client.get(secrets);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.body()).isEqualTo("{\"error\":\"Service unavailable\"}");
        assertThat(second.headers().firstValue("x-request-id")).isPresent();
        assertThat(client.get(secrets).statusCode()).isEqualTo(200);
        assertThat(emulator.faults().pending()).isZero();
    }

    /** Each row: a status, then the error text the fault answers with (Spice's own for 410 and 413). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "410, The token or resource has expired",
        "413, Request body exceeds the 1 MiB limit",
        "429, Rate limit exceeded",
        "500, Internal server error",
    })
    void statusFaultAnswersTheDocumentedErrorText(int status, String message) {
        emulator.faults().next(1, secrets, Fault.status(status));

        Contract.Exchange faulted = CheckedClient.of(emulator, emulator.issueToken("*"))
                .post(secrets, "{\"name\":\"A\",\"value\":\"v\"}");

        assertThat(faulted.status()).isEqualTo(status);
        assertThat(faulted.body()).isEqualTo("{\"error\":\"" + message + "\"}");
    }

    @Test
    void statusFaultDoesNotApplyTheWrite() {
        emulator.faults().next(1, secrets, Fault.status(500));

        assertThat(client.upsert(appId, "NOT_WRITTEN", "v").statusCode()).isEqualTo(500);
        assertThat(emulator.secretNames(appId)).isEmpty();
    }

    @Test
    void faultOnlyMatchesItsPathPrefix() {
        long otherApp = emulator.createApp("other");
        emulator.faults().next(1, secrets, Fault.status(503));

        assertThat(client.get("/v1/apps/" + otherApp + "/secrets").statusCode()).isEqualTo(200);
        assertThat(client.get(secrets + "/ANY").statusCode()).isEqualTo(503);
    }

    @Test
    void faultCanBeLimitedToOneMethod() {
        emulator.faults().next(1, "post", secrets, Fault.status(503));

        assertThat(client.get(secrets).statusCode()).isEqualTo(200);
        assertThat(client.upsert(appId, "A", "v").statusCode()).isEqualTo(503);
    }

    @Test
    void rateLimitFaultSendsRetryAfterInSeconds() {
        emulator.faults()
                .next(1, secrets, Fault.status(429).retryAfter(Duration.ofMillis(1500)))
                .next(1, secrets, Fault.status(429).retryAfter(Duration.ZERO));

        HttpResponse<String> first = client.get(secrets);
        HttpResponse<String> second = client.get(secrets);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.body()).isEqualTo("{\"error\":\"Rate limit exceeded\"}");
        assertThat(first.headers().firstValue("Retry-After")).contains("2");
        assertThat(second.headers().firstValue("Retry-After")).contains("0");
    }

    @Test
    void statusFaultCanCarryAnyBodyContentTypeAndHeader() {
        emulator.faults()
                .next(1, secrets, Fault.status(502, "<html>Bad Gateway</html>").contentType("text/html")
                        .header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))
                .next(1, secrets, Fault.status(500, ""))
                .next(1, secrets, Fault.status(200, "{\"secrets\": ["));

        HttpResponse<String> html = client.get(secrets);
        HttpResponse<String> empty = client.get(secrets);
        HttpResponse<String> broken = client.get(secrets);

        assertThat(html.statusCode()).isEqualTo(502);
        assertThat(html.body()).isEqualTo("<html>Bad Gateway</html>");
        assertThat(html.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(html.headers().firstValue("Retry-After")).contains("Wed, 21 Oct 2015 07:28:00 GMT");
        assertThat(empty.statusCode()).isEqualTo(500);
        assertThat(empty.body()).isEmpty();
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.body()).isEqualTo("{\"secrets\": [");
    }

    @Test
    void dropConnectionFailsTheClientWithIOExceptionAndAppliesNothing() {
        emulator.faults().next(1, secrets, Fault.dropConnection());

        assertThatThrownBy(() -> client.upsert(appId, "DROPPED", "v"))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(emulator.secretNames(appId)).isEmpty();
        assertThat(client.get(secrets).statusCode()).isEqualTo(200);
    }

    @Test
    void droppedGetIsRetriedOnceByTheJdkClientItself() {
        emulator.faults().next(1, secrets, Fault.dropConnection());

        assertThat(client.get(secrets).statusCode()).isEqualTo(200);
        assertThat(emulator.requestCount("GET", secrets)).isEqualTo(2);
    }

    @Test
    void twoDroppedGetsFailTheJdkClient() {
        emulator.faults().next(2, secrets, Fault.dropConnection());

        assertThatThrownBy(() -> client.get(secrets)).hasCauseInstanceOf(IOException.class);
        assertThat(emulator.requestCount("GET", secrets)).isEqualTo(2);
    }

    @Test
    void truncatedResponseFailsAGetWithoutARetry() {
        emulator.storeSecret(appId, "SOME", "x");
        emulator.faults().next(1, secrets, Fault.truncatedResponse());

        assertThatThrownBy(() -> client.get(secrets)).hasCauseInstanceOf(IOException.class);
        assertThat(emulator.requestCount("GET", secrets)).isEqualTo(1);
        assertThat(client.get(secrets).statusCode()).isEqualTo(200);
    }

    @Test
    void truncatedResponseAppliesTheWrite() {
        emulator.faults().next(1, "POST", secrets, Fault.truncatedResponse());

        assertThatThrownBy(() -> client.upsert(appId, "CUT", "applied")).hasCauseInstanceOf(IOException.class);

        assertThat(emulator.storedValue(appId, "CUT")).contains("applied");
    }

    @Test
    void dropConnectionAfterApplyLosesTheResponseButKeepsTheWrite() {
        emulator.faults().next(1, "POST", secrets, Fault.dropConnectionAfterApply());

        assertThatThrownBy(() -> client.upsert(appId, "APPLIED", "kept"))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(emulator.storedValue(appId, "APPLIED")).contains("kept");
        assertThat(client.upsert(appId, "APPLIED", "kept").statusCode()).isEqualTo(200);
    }

    @Test
    void dropConnectionAfterApplyOnDeleteDeletes() {
        emulator.storeSecret(appId, "DOOMED", "x");
        emulator.faults().next(1, "DELETE", secrets, Fault.dropConnectionAfterApply());

        assertThatThrownBy(() -> client.delete(secrets + "/DOOMED")).isInstanceOf(UncheckedIOException.class);

        assertThat(emulator.secretNames(appId)).isEmpty();
        assertThat(client.delete(secrets + "/DOOMED").statusCode()).isEqualTo(404);
    }

    @Test
    void delayFaultHoldsTheRequestLongEnoughForAClientTimeout() {
        emulator.faults().next(1, secrets, Fault.delay(Duration.ofSeconds(5)));

        assertThatThrownBy(() -> ApiClient.http().send(client.request(secrets).timeout(Duration.ofMillis(200)).GET().build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void randomFaultsAreRepeatableForASeed() {
        List<Integer> first = statusesWithRandomFaults(7L);
        List<Integer> second = statusesWithRandomFaults(7L);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200, 503);
        long broken = first.stream().filter(status -> status == 503).count();
        assertThat(broken).isBetween(10L, 60L);
    }

    @Test
    void randomMixOfFaultsBreaksAboutTheRequestedShareAndAppliesNoBrokenWrite() {
        emulator.faults().random(0.10, 42L, Fault.reset(), Fault.status(503),
                Fault.status(429).retryAfter(Duration.ZERO));
        Map<String, Integer> outcomes = new TreeMap<>();
        int applied = 0;
        for (int i = 0; i < 200; i++) {
            String outcome;
            try {
                outcome = Integer.toString(client.upsert(appId, "S" + i, "v").statusCode());
            } catch (UncheckedIOException e) {
                outcome = "io";
            }
            outcomes.merge(outcome, 1, Integer::sum);
            applied += emulator.storedValue(appId, "S" + i).isPresent() ? 1 : 0;
        }

        assertThat(outcomes).containsKeys("200", "503", "429", "io");
        assertThat(200 - outcomes.get("200")).isBetween(5, 45);
        assertThat(applied).isEqualTo(outcomes.get("200"));
    }

    @Test
    void clearRemovesCountedAndRandomFaults() {
        emulator.faults().next(5, "", Fault.status(500)).random(1.0, 1L, Fault.status(503)).clear();

        assertThat(emulator.faults().pending()).isZero();
        assertThat(client.get(secrets).statusCode()).isEqualTo(200);
    }

    @Test
    void faultArgumentsAreValidatedEagerly() {
        assertThatThrownBy(() -> Fault.status(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.dropConnection().retryAfter(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Fault.status(429).retryAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().next(0, "", Fault.status(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().random(1.5, 1L, Fault.status(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().random(0.5, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().next(1, null, Fault.status(500)))
                .isInstanceOf(NullPointerException.class);
    }

    private List<Integer> statusesWithRandomFaults(long seed) {
        emulator.faults().random(0.3, seed, secrets, Fault.status(503));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            statuses.add(ApiClient.send(client.request(secrets).GET()).statusCode());
        }
        emulator.faults().clear();
        return statuses;
    }
}
