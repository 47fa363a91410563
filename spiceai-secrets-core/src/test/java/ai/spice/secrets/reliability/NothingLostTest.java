package ai.spice.secrets.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.Figures;
import ai.spice.secrets.RecordingListener;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.NotFoundException;
import ai.spice.secrets.testkit.Fault;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retries under faults neither lose a write nor make one twice: every value ends up stored exactly as sent, under
 * the name it was sent for, and nothing else is created; a write whose answer was lost after the server applied it
 * leaves one secret (same id, same creation time) with the latest value.
 */
class NothingLostTest {

    private static final int THREADS = 16;
    private static final int UPSERTS = 1_000;
    private static final int NAMES_PER_THREAD = 50;
    /**
     * With 10% of requests broken and 8 attempts, an upsert fails only if all 8 break: 1e-8 per upsert, 1e-5 for the
     * whole run. Waits are 1 to 4 ms, and a 429 says Retry-After: 0.
     */
    private static final RetryPolicy PATIENT = RetryPolicy.builder().maxAttempts(8).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(4)).build();

    @RegisterExtension
    static final Figures figures = Figures.lineByLine();

    private SecretsEmulator emulator;
    private long appId;
    private final RecordingListener listener = new RecordingListener();
    private SecretsClient client;

    @BeforeEach
    void start() {
        emulator = SecretsEmulator.start();
        appId = emulator.createApp("nothing-lost");
        client = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(emulator.issueToken("secrets:write"))
                .retryPolicy(PATIENT).listener(listener).build();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aThousandUpsertsFromSixteenThreadsUnderRandomFaultsAreEachStoredOnceAsSent() throws Exception {
        emulator.faults().random(0.10, 20_261_126L, "/v1/",
                Fault.reset(), Fault.status(503), Fault.status(429).retryAfter(Duration.ZERO));
        Map<String, String> latest = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            int share = UPSERTS / THREADS + (thread < UPSERTS % THREADS ? 1 : 0);
            done.add(threads.submit(() -> {
                // a thread's later upserts rewrite its first names, so some names get two values, the last one known
                for (int k = 0; k < share; k++) {
                    String name = "T" + thread + "_N" + (k % NAMES_PER_THREAD);
                    String value = "value " + thread + "/" + k + " \"quoted\" back\\slash\nline two \u00e9\u4e2d\ud83d\udd11";
                    client.upsert(appId, name, value);
                    latest.put(name, value);
                }
                return null;
            }));
        }
        for (Future<?> thread : done) {
            thread.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        emulator.faults().clear();

        int requests = emulator.requestCount();
        List<AttemptCompleted> attempts = listener.attempts();
        long retries = attempts.stream().filter(AttemptCompleted::willRetry).count();
        assertThat(attempts).hasSize(requests).as("each SDK attempt is one request: the JDK never resends a POST");
        assertThat(requests - UPSERTS).as("faults injected").isPositive().isEqualTo((int) retries);
        assertThat(latest).hasSize(THREADS * NAMES_PER_THREAD);
        assertThat(emulator.secretNames(appId)).as("no other secret created").containsExactlyInAnyOrderElementsOf(latest.keySet());
        latest.forEach((name, value) -> assertThat(emulator.storedValue(appId, name)).as(name).contains(value));
        figures.report("nothing lost: %d upserts from %d threads (%d names, %d rewritten) under 10%% random faults"
                        + " (reset, 503, 429): %d requests, %d faults injected and retried, %d values stored exactly as"
                        + " sent, 0 extra secrets, %d ms",
                UPSERTS, THREADS, latest.size(), UPSERTS - latest.size(), requests, requests - UPSERTS, latest.size(), millis);
    }

    @Test
    void anUpdateWhoseAnswerIsLostAfterTheServerAppliedItLeavesOneSecretWithTheLatestValue() {
        Secret first = client.upsert(appId, "DB_URL", "v1");
        emulator.faults().next(1, "POST", "/v1/apps/" + appId + "/secrets", Fault.dropConnectionAfterApply());
        Secret second = client.upsert(appId, "DB_URL", "v2");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.updatedAt()).isAfter(first.updatedAt());
        assertThat(emulator.storedValue(appId, "DB_URL")).contains("v2");
        assertThat(emulator.secretNames(appId)).containsExactly("DB_URL");
        assertThat(emulator.requestCount("POST", "/v1/apps/" + appId + "/secrets")).isEqualTo(3);
    }

    @Test
    void aCreateWhoseAnswerIsLostOrCutOffLeavesOneSecret() {
        emulator.faults().next(1, "POST", "/v1/apps/" + appId + "/secrets", Fault.dropConnectionAfterApply());
        Secret created = client.upsert(appId, "API_KEY", "k1");
        emulator.faults().next(1, "POST", "/v1/apps/" + appId + "/secrets", Fault.truncatedResponse());
        Secret updated = client.upsert(appId, "API_KEY", "k2");
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(emulator.storedValue(appId, "API_KEY")).contains("k2");
        assertThat(emulator.secretNames(appId)).containsExactly("API_KEY");
        assertThat(emulator.requestCount("POST", "/v1/apps/" + appId + "/secrets")).isEqualTo(4);
    }

    @Test
    void aDeleteWhoseAnswerIsLostAfterTheServerAppliedItSucceeds() {
        client.upsert(appId, "OLD_KEY", "x");
        client.upsert(appId, "OTHER_OLD_KEY", "y");
        String path = "/v1/apps/" + appId + "/secrets/";
        emulator.faults().next(1, "DELETE", path + "OLD_KEY", Fault.dropConnectionAfterApply());
        client.delete(appId, "OLD_KEY");
        emulator.faults().next(1, "DELETE", path + "OTHER_OLD_KEY", Fault.dropConnectionAfterApply());
        assertThat(client.deleteIfExists(appId, "OTHER_OLD_KEY")).as("it was deleted, by the first attempt").isTrue();
        assertThat(emulator.secretNames(appId)).isEmpty();
        assertThat(emulator.requestCount("DELETE", path)).as("each retried once, meeting its own deletion").isEqualTo(4);
    }

    @Test
    void aDeleteOfAMissingSecretStillSaysSoWhenNoEarlierAttemptCanHaveDeletedIt() {
        String path = "/v1/apps/" + appId + "/secrets/NEVER_THERE";
        emulator.faults().next(1, "DELETE", path, Fault.status(503));
        assertThatThrownBy(() -> client.delete(appId, "NEVER_THERE")).isInstanceOf(NotFoundException.class);
        emulator.faults().next(1, "DELETE", path, Fault.status(503));
        assertThat(client.deleteIfExists(appId, "NEVER_THERE")).isFalse();
        assertThat(emulator.requestCount("DELETE", path)).isEqualTo(4);
    }
}
