package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.Figures;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.BadRequestException;
import ai.spice.secrets.errors.BulkFailureException;
import ai.spice.secrets.errors.InternalServerException;
import ai.spice.secrets.errors.InvalidSecretNameException;
import ai.spice.secrets.testkit.Fault;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bulk upsert against the embedded emulator, whose store shows what really happened. */
class BulkEmulatorTest {

    @RegisterExtension
    static final Figures figures = Figures.lineByLine();

    private static SecretsEmulator emulator;
    private static String token;
    private SecretsClient client;
    private long app;

    @BeforeAll
    static void startEmulator() {
        emulator = SecretsEmulator.start();
        token = emulator.issueToken("secrets:write");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void newAppAndClient() {
        app = emulator.createApp("bulk");
        client = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(token)
                .retryPolicy(WireClients.FAST_RETRIES).build();
    }

    @AfterEach
    void closeClientAndClearFaults() {
        client.close();
        emulator.faults().clear();
    }

    @Test
    void importsFiveHundredSecretsReportingProgressInOrderOfCompletion() {
        Map<String, SecretValue> secrets = secrets(500);
        List<Integer> done = new CopyOnWriteArrayList<>();
        List<String> names = new CopyOnWriteArrayList<>();
        BulkOptions options = BulkOptions.builder().progress((count, total, name) -> {
            done.add(count);
            names.add(name);
        }).build();

        long started = System.nanoTime();
        BulkResult result = client.upsertAll(app, secrets, options);
        long millis = (System.nanoTime() - started) / 1_000_000;
        figures.report("BulkEmulatorTest: imported 500 secrets at concurrency %d in %d ms",
                options.concurrency(), millis);

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.succeeded().keySet()).containsExactlyElementsOf(secrets.keySet());
        assertThat(done).containsExactlyElementsOf(IntStream.rangeClosed(1, 500).boxed().toList());
        assertThat(names).hasSize(500).containsExactlyInAnyOrderElementsOf(secrets.keySet());
        assertThat(emulator.secretNames(app)).hasSize(500);
        secrets.forEach((name, value) -> assertThat(emulator.storedValue(app, name)).contains(value.reveal()));
        assertThat(emulator.requestCount("POST", secretsPath())).isEqualTo(500);
    }

    @Test
    void reportsRejectedSecretsByNameWhileTheRestAreStored() {
        emulator.faults().next(3, "POST", secretsPath(), Fault.status(400, "{\"error\":\"Validation error\"}"));
        Map<String, SecretValue> secrets = secrets(50);
        BulkResult result = client.upsertAll(app, secrets, BulkOptions.builder().concurrency(4).build());

        assertThat(result.failureCount()).isEqualTo(3);
        assertThat(result.successCount()).isEqualTo(47);
        assertThat(result.failed().values()).allSatisfy(e -> assertThat(e).isInstanceOf(BadRequestException.class));
        result.failed().keySet().forEach(name -> assertThat(emulator.storedValue(app, name)).isEmpty());
        result.succeeded().keySet().forEach(name ->
                assertThat(emulator.storedValue(app, name)).contains(secrets.get(name).reveal()));
        assertThat(emulator.requestCount("POST", secretsPath())).isEqualTo(50);
    }

    @Test
    void aSecretThatKeeps503ingFailsAfterItsRetriesAndTheOthersAreStored() {
        int attempts = WireClients.FAST_RETRIES.maxAttempts();
        emulator.faults().next(attempts, "POST", secretsPath(), Fault.status(503));
        BulkResult result = client.upsertAll(app, secrets(5), BulkOptions.builder().concurrency(1).build());

        assertThat(result.failed()).containsOnlyKeys("KEY_000");
        assertThat(result.failed().get("KEY_000")).isInstanceOf(InternalServerException.class);
        assertThat(result.failed().get("KEY_000").getSuppressed()).hasSize(attempts - 1);
        assertThat(result.succeeded()).containsOnlyKeys("KEY_001", "KEY_002", "KEY_003", "KEY_004");
        assertThat(emulator.secretNames(app)).containsExactly("KEY_001", "KEY_002", "KEY_003", "KEY_004");
        assertThatThrownBy(result::throwIfFailed).isInstanceOf(BulkFailureException.class)
                .hasMessage("1 of 5 secrets failed: KEY_000 (InternalServerException)");
    }

    @Test
    void invalidNamesAreAllReportedAndNothingIsSent() {
        Map<String, SecretValue> secrets = secrets(10);
        secrets.put("my-secret", SecretValue.of("x"));
        secrets.put("api.key", SecretValue.of("y"));
        int before = emulator.requestCount();
        assertThatThrownBy(() -> client.upsertAll(app, secrets))
                .isInstanceOfSatisfying(InvalidSecretNameException.class,
                        e -> assertThat(e.names()).containsExactly("my-secret", "api.key"));
        assertThat(emulator.requestCount()).isEqualTo(before);
        assertThat(emulator.secretNames(app)).isEmpty();
    }

    @Test
    void applyWithoutPruneCreatesAndUpdatesAndKeepsTheRest() {
        seed("OLD_ONLY", "KEEP_ME", "SHARED");
        SyncResult result = client.plan(app, desired(), SyncOptions.defaults()).apply();

        assertThat(result.created()).containsExactly("NEW_KEY");
        assertThat(result.updated()).containsExactly("SHARED");
        assertThat(result.deleted()).isEmpty();
        assertThat(emulator.secretNames(app)).containsExactly("KEEP_ME", "NEW_KEY", "OLD_ONLY", "SHARED");
        assertThat(emulator.storedValue(app, "SHARED")).contains("shared-v2");
        assertThat(emulator.storedValue(app, "OLD_ONLY")).contains("seeded-OLD_ONLY");
    }

    @Test
    void applyWithPruneMakesTheAppMatchExactly() {
        seed("OLD_ONLY", "KEEP_ME", "SHARED");
        SyncPlan plan = client.plan(app, desired(), SyncOptions.builder().prune(true).build());
        assertThat(plan.toDelete()).containsExactly("KEEP_ME", "OLD_ONLY");
        SyncResult result = plan.apply();

        assertThat(result.deleted()).containsExactly("KEEP_ME", "OLD_ONLY");
        assertThat(emulator.secretNames(app)).containsExactly("NEW_KEY", "SHARED");
        assertThat(emulator.storedValue(app, "NEW_KEY")).contains("new-v1");
        assertThat(client.plan(app, desired(), SyncOptions.builder().prune(true).createOnly(true).build()).hasChanges())
                .isFalse();
    }

    @Test
    void aDryRunSendsNoWriteAndLeavesEveryValueAsItWas() {
        seed("OLD_ONLY", "SHARED");
        SyncPlan plan = client.plan(app, desired(), SyncOptions.builder().prune(true).dryRun(true).build());
        int before = emulator.requestCount();
        SyncResult result = plan.apply();

        assertThat(result.dryRun()).isTrue();
        assertThat(result.changeCount()).isZero();
        assertThat(emulator.requestCount()).isEqualTo(before);
        assertThat(emulator.requestCount("POST", secretsPath())).isZero();
        assertThat(emulator.requestCount("DELETE", secretsPath())).isZero();
        assertThat(emulator.secretNames(app)).containsExactly("OLD_ONLY", "SHARED");
        assertThat(emulator.storedValue(app, "SHARED")).contains("seeded-SHARED");
        assertThat(plan.toString()).contains("+ NEW_KEY", "~ SHARED", "- OLD_ONLY");
    }

    @Test
    void checksASpicepodAgainstTheAppsSecrets(@TempDir Path dir) throws Exception {
        seed("OPENAI_API_KEY", "_internal_api_key", "UNUSED");
        Path spicepod = Files.writeString(dir.resolve("spicepod.yaml"), """
                models:
                  - from: openai:gpt-4o
                    params:
                      openai_api_key: ${ secrets:OPENAI_API_KEY }
                datasets:
                  - from: postgres:orders
                    params:
                      pg_pass: ${secrets:PG_PASS}
                """);
        SpicepodCheck check = client.checkSpicepod(app, spicepod);

        assertThat(check.missing()).containsExactly("PG_PASS");
        assertThat(check.unreferenced()).containsExactly("UNUSED");
        assertThat(check.unreferenceable()).containsExactly("_internal_api_key");
        assertThat(check.isClean()).isFalse();
    }

    private String secretsPath() {
        return "/v1/apps/" + app + "/secrets";
    }

    private void seed(String... names) {
        for (String name : names) {
            emulator.storeSecret(app, name, "seeded-" + name);
        }
    }

    private static Map<String, SecretValue> desired() {
        Map<String, SecretValue> desired = new LinkedHashMap<>();
        desired.put("SHARED", SecretValue.of("shared-v2"));
        desired.put("NEW_KEY", SecretValue.of("new-v1"));
        return desired;
    }

    private static Map<String, SecretValue> secrets(int count) {
        Map<String, SecretValue> secrets = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> secrets.put(String.format("KEY_%03d", i), SecretValue.of("value " + i)));
        return secrets;
    }
}
