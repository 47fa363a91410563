package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void startsOnLoopbackWithAFreePortAndABaseUrlWithoutTrailingSlash() {
        try (SecretsEmulator emulator = SecretsEmulator.start()) {
            assertThat(emulator.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(emulator.port()).isPositive();
            assertThat(emulator.toString()).contains(emulator.baseUrl().toString());
        }
    }

    @Test
    void startAndCloseTakeMilliseconds() {
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            SecretsEmulator.start().close();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void closeReleasesThePort() throws IOException {
        SecretsEmulator emulator = SecretsEmulator.start();
        int port = emulator.port();
        ApiClient.of(emulator, emulator.issueToken("*")).get("/v1/apps/1/secrets");

        emulator.close();

        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
        try (SecretsEmulator again = SecretsEmulator.builder().port(port).build()) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    @Test
    void closeIsIdempotentAndStopsServing() {
        SecretsEmulator emulator = SecretsEmulator.start();
        ApiClient client = ApiClient.anonymous(emulator);
        emulator.close();
        emulator.close();

        assertThatThrownBy(() -> client.get("/v1/apps/1/secrets")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void takenPortFailsWithUncheckedIOException() {
        try (SecretsEmulator first = SecretsEmulator.start()) {
            assertThatThrownBy(() -> SecretsEmulator.builder().port(first.port()).build())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(Integer.toString(first.port()));
        }
    }

    @Test
    void builderRejectsBadSettingsEagerly() {
        SecretsEmulator.Builder builder = SecretsEmulator.builder();
        assertThatThrownBy(() -> builder.port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.latency(null)).isInstanceOf(NullPointerException.class).hasMessage("latency");
        assertThatThrownBy(() -> builder.tokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tokenLifetime(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.rateLimit(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.rateLimit(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> builder.requestBodyLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.requestBodyLimit(64 * 1024 * 1024 + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.expiredTokenStatus(403)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("403");
        assertThatThrownBy(() -> builder.defaultOrganization("no spaces")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.defaultOrganization(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("handle");
    }

    @Test
    void apiArgumentsAreChecked() {
        try (SecretsEmulator emulator = SecretsEmulator.start()) {
            long appId = emulator.createApp("args");
            assertThatThrownBy(() -> emulator.createApp(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> emulator.issueToken((String) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> emulator.issueToken(Duration.ZERO, "*")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> emulator.storeSecret(appId, "bad-name", "v"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> emulator.storeSecret(appId + 1000, "GOOD", "v"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(emulator.storedValue(appId + 1000, "GOOD")).isEmpty();
            assertThat(emulator.secretNames(appId + 1000)).isEmpty();
        }
    }

    @Test
    void latencyIsAddedToEveryRequest() {
        try (SecretsEmulator emulator = SecretsEmulator.builder().latency(Duration.ofMillis(150)).build()) {
            ApiClient client = ApiClient.anonymous(emulator);
            long started = System.nanoTime();

            HttpResponse<String> response = client.get("/v1/apps/1/secrets");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void requestCountsAndJournalSeeEveryRequestWithoutBodies() {
        try (SecretsEmulator emulator = SecretsEmulator.start()) {
            long appId = emulator.createApp("count");
            String token = emulator.issueToken("*");
            ApiClient client = ApiClient.of(emulator, token);
            String secrets = "/v1/apps/" + appId + "/secrets";
            client.upsert(appId, "A", "canary-value");
            client.get(secrets);
            client.get(secrets + "/A");
            ApiClient.anonymous(emulator).get("/elsewhere");

            assertThat(emulator.requestCount()).isEqualTo(4);
            assertThat(emulator.requestCount("GET", secrets)).isEqualTo(2);
            assertThat(emulator.requestCount("post", secrets)).isEqualTo(1);
            assertThat(emulator.requestCount("*", "")).isEqualTo(4);
            RecordedRequest first = emulator.requests().get(0);
            assertThat(first.method()).isEqualTo("POST");
            assertThat(first.path()).isEqualTo(secrets);
            assertThat(first.header("AUTHORIZATION")).contains("Bearer " + token);
            assertThat(first.header("x-missing")).isEmpty();
            assertThat(first.toString()).doesNotContain(token);
            assertThat(emulator.requests().toString()).doesNotContain("canary-value");

            emulator.clearRequests();

            assertThat(emulator.requestCount()).isZero();
        }
    }
}
