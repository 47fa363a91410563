package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ledgers under real processes: two JVMs syncing through one ledger at once, and one killed halfway. Each leaves a
 * ledger that reads, holds every confirmed write it recorded, and never makes a plan say "unchanged" wrongly.
 */
class SyncLedgerProcessesTest {

    private static final byte[] KEY = "a key of thirty-two bytes or more, for tests".getBytes(StandardCharsets.US_ASCII);
    private static final long PROCESS_LIMIT_SECONDS = 120;
    private static SecretsEmulator emulator;
    private static String token;
    private static SecretsClient client;
    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulator() {
        emulator = SecretsEmulator.builder().latency(Duration.ofMillis(5))
                .clock(new SyncLedgerEmulatorTest.TickingClock()).build();
        token = emulator.issueToken("secrets:read", "secrets:write");
        client = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(token).build();
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        emulator.close();
    }

    @Test
    void twoProcessesSyncingThroughOneLedgerAtOnceKeepEachOthersEntries() throws Exception {
        long app = emulator.createApp("two");
        Path ledger = dir.resolve("shared.json");
        Process first = start(app, ledger, "A:40:a", "S:10:a");
        Process second = start(app, ledger, "B:40:b", "S:10:b");
        assertThat(finish(first)).contains("DONE");
        assertThat(finish(second)).contains("DONE");

        Map<String, SecretValue> desired = new LinkedHashMap<>();
        values("A", 40, "a", desired);
        values("B", 40, "b", desired);
        for (int i = 0; i < 10; i++) {
            desired.put("S_" + i, SecretValue.of(emulator.storedValue(app, "S_" + i).orElseThrow()));
        }
        SyncPlan plan = plan(app, ledger, desired);
        assertThat(plan.diff()).hasSize(90).allSatisfy((name, state) -> assertThat(state).as(name)
                .isEqualTo(SecretDiff.UNCHANGED));
    }

    @Test
    void anApplyKilledHalfwayLeavesALedgerThatIsStillTrue() throws Exception {
        long app = emulator.createApp("killed");
        Path ledger = dir.resolve("killed.json");
        Process child = start(app, ledger, "K:300:k");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("CONFIRMED 60")) {
                assertThat(line).doesNotStartWith("DONE");
            }
            child.destroyForcibly();
        }
        assertThat(child.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        int stored = emulator.secretNames(app).size();
        assertThat(stored).isBetween(60, 299);

        Map<String, SecretValue> same = new LinkedHashMap<>();
        values("K", 300, "k", same);
        SyncPlan again = plan(app, ledger, same);
        again.diff().forEach((name, state) -> {
            if (state == SecretDiff.UNCHANGED) {
                assertThat(emulator.storedValue(app, name)).as(name).contains(same.get(name).reveal());
            }
        });
        assertThat(again.diff().values()).filteredOn(SecretDiff.CREATE::equals).hasSize(300 - stored);

        Map<String, SecretValue> other = new LinkedHashMap<>();
        values("K", 300, "other", other);
        assertThat(plan(app, ledger, other).diff().values()).doesNotContain(SecretDiff.UNCHANGED);

        again.apply();
        assertThat(plan(app, ledger, same).diff().values()).containsOnly(SecretDiff.UNCHANGED);
    }

    private static SyncPlan plan(long app, Path ledger, Map<String, SecretValue> desired) {
        return client.plan(app, desired, SyncOptions.builder().ledger(SyncLedger.at(ledger).withKey(KEY)).build());
    }

    private static void values(String prefix, int count, String tag, Map<String, SecretValue> into) {
        for (int i = 0; i < count; i++) {
            into.put(prefix + "_" + i, SecretValue.of("v-" + tag + "-" + i));
        }
    }

    private Process start(long app, Path ledger, String... groups) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dsun.net.httpserver.nodelay=true",
                LedgerSyncMain.class.getName(), emulator.baseUrl().toString(), token, Long.toString(app),
                ledger.toString(), Base64.getEncoder().encodeToString(KEY), "2"));
        command.addAll(List.of(groups));
        return new ProcessBuilder(command).redirectError(dir.resolve("child-" + System.nanoTime() + ".err").toFile())
                .start();
    }

    /** Waits for the process, bounded, and returns what it printed; fails if it failed. */
    private static String finish(Process process) throws Exception {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

}
