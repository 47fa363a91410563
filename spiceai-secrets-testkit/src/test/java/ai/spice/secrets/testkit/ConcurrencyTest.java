package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void sixteenThreadsTimesFiftyUpsertsAreAllStored() throws Exception {
        try (SecretsEmulator emulator = SecretsEmulator.start()) {
            long appId = emulator.createApp("concurrent");
            ApiClient client = ApiClient.of(emulator, emulator.issueToken("secrets:write"));
            ExecutorService threads = Executors.newFixedThreadPool(16);
            try {
                List<Future<List<Integer>>> results = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int thread = t;
                    results.add(threads.submit(() -> {
                        List<Integer> statuses = new ArrayList<>();
                        for (int i = 0; i < 50; i++) {
                            statuses.add(client.upsert(appId, "T" + thread + "_" + i, "value-" + thread + "-" + i)
                                    .statusCode());
                        }
                        return statuses;
                    }));
                }
                for (Future<List<Integer>> result : results) {
                    assertThat(result.get()).containsOnly(200).hasSize(50);
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(emulator.secretNames(appId)).hasSize(800);
            assertThat(emulator.storedValue(appId, "T7_42")).contains("value-7-42");
            assertThat(emulator.requestCount("POST", "/v1/apps/" + appId)).isEqualTo(800);
        }
    }

    @Test
    void concurrentUpsertsOfOneNameKeepOneIdAndTheFirstCreatedAt() throws Exception {
        try (SecretsEmulator emulator = SecretsEmulator.start()) {
            long appId = emulator.createApp("race");
            ApiClient client = ApiClient.of(emulator, emulator.issueToken("*"));
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String value = "v" + i;
                responses.add(CompletableFuture.supplyAsync(() -> client.upsert(appId, "SHARED", value)));
            }

            List<Long> ids = responses.stream().map(CompletableFuture::join)
                    .map(response -> ApiClient.body(response).get("id").longValue()).distinct().toList();

            assertThat(ids).hasSize(1);
            assertThat(emulator.secretNames(appId)).containsExactly("SHARED");
        }
    }

    @Test
    void latencyDoesNotSerializeRequests() {
        Duration latency = Duration.ofMillis(50);
        try (SecretsEmulator emulator = SecretsEmulator.builder().latency(latency).build()) {
            ApiClient client = ApiClient.anonymous(emulator);
            client.get("/warm-up");
            long started = System.nanoTime();

            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                inFlight.add(ApiClient.http().sendAsync(client.request("/v1/apps/1/secrets").GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            inFlight.forEach(CompletableFuture::join);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            // Sixteen requests one after another would take 16 x 50 ms = 800 ms; in parallel about 50 ms.
            assertThat(elapsed).isGreaterThanOrEqualTo(latency).isLessThan(latency.multipliedBy(16).dividedBy(4));
            assertThat(emulator.requestCount()).isEqualTo(17);
        }
    }
}
