package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.LedgerException;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger that cannot be trusted fails the plan with a {@link LedgerException} naming the file and what is wrong;
 * it is never taken as empty, so it can never make a plan say "unchanged" wrongly.
 */
class SyncLedgerFaultsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;
    private static SecretsEmulator emulator;
    private static String token;
    @TempDir
    Path dir;
    private SecretsClient client;
    private long app;
    private Path file;

    @BeforeAll
    static void startEmulator() {
        emulator = SecretsEmulator.builder().clock(new SyncLedgerEmulatorTest.TickingClock()).build();
        token = emulator.issueToken("secrets:read", "secrets:write");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void newAppAndClient() {
        app = emulator.createApp("faults");
        client = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(token).build();
        file = dir.resolve("ledger.json");
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void aMissingLedgerMeansEverySecretIsUnknown() {
        emulator.storeSecret(app, "A", "1");
        assertThat(plan(SyncLedger.at(file).withKey(KEY)).diff()).containsEntry("A", SecretDiff.UNKNOWN);
    }

    @Test
    void aCorruptLedgerFailsThePlanNamingTheFileAndTheProblem() throws Exception {
        Files.writeString(file, "{\"format\": \"spiceai-sync-ledger\", oops");
        assertRefused(SyncLedger.at(file).withKey(KEY), "not a readable ledger: malformed JSON (line 1");
    }

    @Test
    void aTruncatedLedgerFailsThePlan() throws Exception {
        written();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertRefused(SyncLedger.at(file).withKey(KEY), "truncated JSON");
    }

    @Test
    void anEditedLedgerFailsThePlan() throws Exception {
        written();
        String text = Files.readString(file);
        String hmac = text.substring(text.indexOf("\"hmac\" : \"") + 10, text.indexOf("\"hmac\" : \"") + 20);
        Files.writeString(file, text.replace(hmac, new StringBuilder(hmac).reverse()));
        assertRefused(SyncLedger.at(file).withKey(KEY), "do not match its MAC");
    }

    @Test
    void aLedgerReadWithAnotherKeyFailsThePlan() {
        written();
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertRefused(SyncLedger.at(file).withKey(other), "written with another key than the key bytes");
    }

    @Test
    void aLedgerOfAnotherVersionOrFormatFailsThePlan() throws Exception {
        written();
        String text = Files.readString(file);
        Files.writeString(file, text.replace("\"version\" : 1", "\"version\" : 2"));
        assertRefused(SyncLedger.at(file).withKey(KEY), "ledger version 2, this SDK reads version 1");
        Files.writeString(file, "{\"entries\": []}");
        assertRefused(SyncLedger.at(file).withKey(KEY), "not a sync ledger");
    }

    @Test
    void anUnreadableLedgerFailsThePlan() throws Exception {
        Files.createDirectory(file);
        assertRefused(SyncLedger.at(file).withKey(KEY), "cannot be read");
    }

    @Test
    void aLedgerWhoseKeyFileIsGoneFailsThePlan() throws Exception {
        SyncLedger generated = SyncLedger.at(file).withEnvironment(NO_ENVIRONMENT);
        client.plan(app, Map.of("A", SecretValue.of("1")), SyncOptions.builder().ledger(generated).build()).apply();
        assertThat(generated.keyFile()).exists();
        Files.delete(generated.keyFile());
        assertRefused(generated, "the ledger exists but its key file");
    }

    @Test
    void aGeneratedKeyFileIsReadableByItsOwnerOnlyAndOthersAreRefused() throws Exception {
        SyncLedger generated = SyncLedger.at(file).withEnvironment(NO_ENVIRONMENT);
        client.plan(app, Map.of("A", SecretValue.of("1")), SyncOptions.builder().ledger(generated).build()).apply();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated.keyFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(plan(generated).diff()).containsEntry("A", SecretDiff.UNCHANGED);
        Files.setPosixFilePermissions(generated.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        assertRefused(generated, "the key file may be read or written by others (rw-r--r--)");
    }

    @Test
    void theKeyMayComeFromTheEnvironmentAndThenNoKeyFileIsMade() {
        String base64 = Base64.getEncoder().encodeToString(KEY);
        SyncLedger fromEnvironment = SyncLedger.at(file)
                .withEnvironment(name -> name.equals(SyncLedger.KEY_ENVIRONMENT_VARIABLE) ? base64 : null);
        assertThat(fromEnvironment.keySource()).isEqualTo("environment variable SPICE_SYNC_LEDGER_KEY");
        client.plan(app, Map.of("A", SecretValue.of("1")), SyncOptions.builder().ledger(fromEnvironment).build()).apply();
        assertThat(fromEnvironment.keyFile()).doesNotExist();
        assertThat(plan(SyncLedger.at(file).withKey(KEY)).diff()).containsEntry("A", SecretDiff.UNCHANGED);
        assertRefused(SyncLedger.at(file).withEnvironment(name -> "dG9vIHNob3J0"), "holds 9 bytes");
    }

    @Test
    void aShortKeyIsRefusedAtOnce() {
        assertThatThrownBy(() -> SyncLedger.at(file).withKey(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must be at least 32 bytes, was 16");
        assertThat(SyncLedger.at(file).withKey(KEY).toString()).doesNotContain(new String(KEY, StandardCharsets.US_ASCII));
    }

    private void written() {
        client.plan(app, Map.of("A", SecretValue.of("1"), "B", SecretValue.of("2")),
                SyncOptions.builder().ledger(SyncLedger.at(file).withKey(KEY)).build()).apply();
        assertThat(file).exists();
    }

    private SyncPlan plan(SyncLedger ledger) {
        return client.plan(app, Map.of("A", SecretValue.of("1")), SyncOptions.builder().ledger(ledger).build());
    }

    private void assertRefused(SyncLedger ledger, String reason) {
        assertThatThrownBy(() -> plan(ledger)).isInstanceOfSatisfying(LedgerException.class, e -> {
            assertThat(e.file()).isIn(ledger.file(), ledger.keyFile());
            assertThat(e.getMessage()).startsWith("sync ledger " + e.file() + ": ").contains(reason);
            assertThat(e.reason()).contains(reason);
        });
    }
}
