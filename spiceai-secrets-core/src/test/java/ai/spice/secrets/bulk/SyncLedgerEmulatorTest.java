package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.SyncRefusedException;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync with a ledger, against the emulator: what is sent on a second apply, a changed value, a secret written
 * elsewhere, and the deletion guardrails. The emulator's store shows what really happened; its journal what was sent.
 */
class SyncLedgerEmulatorTest {

    private static SecretsEmulator emulator;
    private static String token;
    @TempDir
    Path dir;
    private SecretsClient client;
    private long app;
    private SyncLedger ledger;

    @BeforeAll
    static void startEmulator() {
        emulator = SecretsEmulator.builder().clock(new TickingClock()).build();
        token = emulator.issueToken("secrets:read", "secrets:write");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void newAppClientAndLedger() {
        app = emulator.createApp("ledger");
        client = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(token).build();
        ledger = SyncLedger.at(dir.resolve("ledger.json")).withEnvironment(name -> null);
        emulator.clearRequests();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void aSecondApplyOfAnUnchangedFileSendsNoWrites() {
        sync(desired("A", "1", "B", "2", "C", "3"));
        emulator.clearRequests();

        SyncPlan again = client.plan(app, desired("A", "1", "B", "2", "C", "3"), withLedger().build());
        assertThat(again.diff()).containsOnly(Map.entry("A", SecretDiff.UNCHANGED), Map.entry("B", SecretDiff.UNCHANGED),
                Map.entry("C", SecretDiff.UNCHANGED));
        assertThat(again.hasChanges()).isFalse();
        assertThat(again.toString()).contains("= A\n", "= B\n", "= C\n").contains("0 to update");
        SyncResult result = again.apply();

        assertThat(result.changeCount()).isZero();
        assertThat(emulator.requestCount("POST", "/v1/apps")).isZero();
    }

    @Test
    void oneChangedValueSendsExactlyOneWrite() {
        sync(desired("A", "1", "B", "2", "C", "3"));
        emulator.clearRequests();

        SyncPlan plan = client.plan(app, desired("A", "1", "B", "two", "C", "3"), withLedger().build());
        assertThat(plan.diff()).containsEntry("B", SecretDiff.CHANGED).containsEntry("A", SecretDiff.UNCHANGED);
        assertThat(plan.toUpdate()).containsExactly("B");
        assertThat(plan.toString()).contains("~ B (changed)");
        plan.apply();

        assertThat(emulator.requestCount("POST", "/v1/apps")).isEqualTo(1);
        assertThat(emulator.storedValue(app, "B")).contains("two");
        assertThat(client.plan(app, desired("A", "1", "B", "two", "C", "3"), withLedger().build()).hasChanges())
                .isFalse();
    }

    @Test
    void aSecretWrittenElsewhereShowsAsDriftedAndIsWrittenBack() {
        sync(desired("A", "1", "B", "2"));
        try (SecretsClient portal = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(token).build()) {
            portal.upsert(app, "B", "set in the portal");
        }

        SyncPlan plan = client.plan(app, desired("A", "1", "B", "2"), withLedger().build());
        assertThat(plan.diff()).containsEntry("A", SecretDiff.UNCHANGED).containsEntry("B", SecretDiff.DRIFTED);
        assertThat(plan.toString()).contains("~ B (drifted: written elsewhere since the last sync)", "(1 drifted)");
        plan.apply();

        assertThat(emulator.storedValue(app, "B")).contains("2");
        assertThat(client.plan(app, desired("A", "1", "B", "2"), withLedger().build()).diff())
                .containsEntry("B", SecretDiff.UNCHANGED);
    }

    @Test
    void refuseDriftedSendsNothingAndNamesTheDriftedSecrets() {
        sync(desired("A", "1", "B", "2"));
        emulator.storeSecret(app, "A", "set elsewhere");
        emulator.clearRequests();

        SyncPlan plan = client.plan(app, desired("A", "1", "B", "3"), withLedger().refuseDrifted(true).build());
        assertThat(plan.toString()).contains("Apply will be refused");
        assertThatThrownBy(plan::apply).isInstanceOfSatisfying(SyncRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(SyncRefusedException.Reason.DRIFTED);
            assertThat(e.names()).containsExactly("A");
            assertThat(e.getMessage()).contains("nothing was sent", "A");
        });
        assertThat(emulator.requestCount("POST", "/v1/apps")).isZero();
        assertThat(emulator.storedValue(app, "B")).contains("2");
    }

    @Test
    void withoutALedgerEveryExistingSecretIsUnknownAndWritten() {
        emulator.storeSecret(app, "A", "1");
        SyncPlan plan = client.plan(app, desired("A", "1", "B", "2"), SyncOptions.defaults());
        assertThat(plan.diff()).containsExactly(Map.entry("A", SecretDiff.UNKNOWN), Map.entry("B", SecretDiff.CREATE));
        emulator.clearRequests();
        plan.apply();
        assertThat(emulator.requestCount("POST", "/v1/apps")).isEqualTo(2);
    }

    @Test
    void aSecretWithoutALedgerEntryIsUnknownEvenWithALedger() {
        sync(desired("A", "1"));
        emulator.storeSecret(app, "B", "made elsewhere");
        assertThat(client.plan(app, desired("A", "1", "B", "2"), withLedger().build()).diff())
                .containsEntry("B", SecretDiff.UNKNOWN);
    }

    @Test
    void aPlanOverTheDeletionLimitIsRefusedWithItsCountsAndNames() {
        for (String name : new String[] {"A", "B", "C", "D"}) {
            emulator.storeSecret(app, name, "old");
        }
        emulator.clearRequests();
        SyncPlan byCount = client.plan(app, desired("A", "1"), SyncOptions.builder().prune(true).maxDeletes(2).build());
        assertThatThrownBy(byCount::apply).isInstanceOfSatisfying(SyncRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(SyncRefusedException.Reason.TOO_MANY_DELETES);
            assertThat(e.names()).containsExactly("B", "C", "D");
            assertThat(e.getMessage()).contains("3 of the app's 4 secrets; the limit is 2 deletes");
        });
        SyncPlan byShare = client.plan(app, desired("A", "1"),
                SyncOptions.builder().prune(true).maxDeleteFraction(0.5).build());
        assertThatThrownBy(byShare::apply).isInstanceOf(SyncRefusedException.class).hasMessageContaining("50% of the app");
        assertThat(emulator.requestCount("POST", "/v1/apps")).isZero();
        assertThat(emulator.requestCount("DELETE", "/v1/apps")).isZero();
        assertThat(emulator.secretNames(app)).containsExactlyInAnyOrder("A", "B", "C", "D");

        client.plan(app, desired("A", "1"), SyncOptions.builder().prune(true).maxDeletes(3).build()).apply();
        assertThat(emulator.secretNames(app)).containsExactly("A");
    }

    @Test
    void aPruneNeverDeletesProtectedNames() {
        for (String name : new String[] {"PROD_DB", "PROD_KEY", "STAGING_DB", "KEEP_ME", "OLD"}) {
            emulator.storeSecret(app, name, "v");
        }
        SyncPlan plan = client.plan(app, desired("NEW", "1"),
                SyncOptions.builder().prune(true).protect("PROD_*", "KEEP_ME", "STAG?NG_DB").build());
        assertThat(plan.toDelete()).containsExactly("OLD");
        assertThat(plan.unchanged()).contains("PROD_DB", "PROD_KEY", "STAGING_DB", "KEEP_ME");
        assertThat(plan.toString()).contains("! PROD_DB (kept: protected by PROD_*)", "! KEEP_ME (kept: protected by KEEP_ME)");
        plan.apply();
        assertThat(emulator.secretNames(app)).containsExactlyInAnyOrder("PROD_DB", "PROD_KEY", "STAGING_DB", "KEEP_ME",
                "NEW");
    }

    @Test
    void aPruneKeepsEveryNameTheSpicepodReferences() throws Exception {
        for (String name : new String[] {"PG_PASS", "OPENAI_KEY", "MY_PG_USER", "HOST", "UNUSED"}) {
            emulator.storeSecret(app, name, "v");
        }
        Path spicepod = Files.writeString(dir.resolve("spicepod.yaml"), "datasets:\n  - from: postgres:t\n"
                + "    params:\n      pg_pass: ${secrets:PG_PASS}\n      key: ${ secrets:OPENAI_KEY }\n"
                + "      pg_user: ${secrets:my_pg_user}\n      pg_host: ${env:HOST}\n"
                + "    description: ${secrets:UNUSED} is not substituted here\n");
        SyncPlan plan = client.plan(app, desired(), SyncOptions.builder().prune(true).keepReferencedBy(spicepod).build());
        assertThat(plan.toDelete()).containsExactly("UNUSED");
        assertThat(plan.toString()).contains("! PG_PASS (kept: referenced by the spicepod)",
                "! MY_PG_USER (kept: referenced by the spicepod)", "! HOST (kept: referenced by the spicepod)");
        plan.apply();
        assertThat(emulator.secretNames(app)).containsExactlyInAnyOrder("PG_PASS", "OPENAI_KEY", "MY_PG_USER", "HOST");
    }

    @Test
    void aSecretChangedBetweenPlanAndApplyIsNotDeleted() {
        emulator.storeSecret(app, "A", "1");
        emulator.storeSecret(app, "OLD", "v");
        SyncPlan plan = client.plan(app, desired("A", "1"), SyncOptions.builder().prune(true).build());
        assertThat(plan.toDelete()).containsExactly("OLD");
        emulator.storeSecret(app, "OLD", "rewritten after the plan");
        emulator.clearRequests();

        assertThatThrownBy(plan::apply).isInstanceOfSatisfying(SyncRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(SyncRefusedException.Reason.CHANGED_SINCE_PLAN);
            assertThat(e.names()).containsExactly("OLD");
        });
        assertThat(emulator.storedValue(app, "OLD")).contains("rewritten after the plan");
        assertThat(emulator.requestCount("POST", "/v1/apps")).isZero();
        assertThat(emulator.requestCount("DELETE", "/v1/apps")).isZero();
    }

    @Test
    void aSecretThePlanSkipsThatChangedBeforeApplyRefusesTheApply() {
        sync(desired("A", "1", "B", "2"));
        SyncPlan plan = client.plan(app, desired("A", "1", "B", "3"), withLedger().build());
        assertThat(plan.diff()).containsEntry("A", SecretDiff.UNCHANGED);
        emulator.storeSecret(app, "A", "changed after the plan");
        assertThatThrownBy(plan::apply).isInstanceOf(SyncRefusedException.class).hasMessageContaining("A");
        assertThat(emulator.storedValue(app, "B")).contains("2");
    }

    @Test
    void aDeletedSecretLeavesTheLedger() {
        sync(desired("A", "1", "B", "2"));
        client.plan(app, desired("A", "1"), withLedger().prune(true).build()).apply();
        emulator.storeSecret(app, "B", "2");
        assertThat(client.plan(app, desired("A", "1", "B", "2"), withLedger().build()).diff())
                .containsEntry("B", SecretDiff.UNKNOWN);
    }

    @Test
    void aDryRunWritesNoLedgerAndNoKey() {
        client.plan(app, desired("A", "1"), withLedger().dryRun(true).build()).apply();
        assertThat(ledger.file()).doesNotExist();
        assertThat(ledger.keyFile()).doesNotExist();
    }

    private void sync(Map<String, SecretValue> secrets) {
        SyncResult result = client.plan(app, secrets, withLedger().build()).apply();
        assertThat(result.isSuccess()).isTrue();
    }

    private SyncOptions.Builder withLedger() {
        return SyncOptions.builder().ledger(ledger);
    }

    private static Map<String, SecretValue> desired(String... namesAndValues) {
        Map<String, SecretValue> desired = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            desired.put(namesAndValues[i], SecretValue.of(namesAndValues[i + 1]));
        }
        return desired;
    }

    /** A clock one millisecond further at every reading, so that no two writes share an {@code updated_at}. */
    static final class TickingClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli());

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
