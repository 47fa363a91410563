package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.testkit.SecretsEmulator;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Canary values through syncs with a ledger, its faults and its guardrails, then searched for in every file the ledger
 * wrote (ledger, key, lock, leftovers), every log line at TRACE, and every message and {@code toString()} met.
 */
class SyncLedgerCanaryTest {

    private static final String CANARY = "canary-value-7f3a91";

    @TempDir
    Path dir;

    @Test
    void noLedgerFileKeyFileLogLineOrMessageHoldsAValue() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("ai.spice.secrets");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        Level level = logger.getLevel();
        logger.setLevel(Level.TRACE);
        List<String> texts = new ArrayList<>();
        try (SecretsEmulator emulator = SecretsEmulator.builder().clock(new SyncLedgerEmulatorTest.TickingClock()).build()) {
            long app = emulator.createApp("canary");
            String token = emulator.issueToken("secrets:read", "secrets:write");
            SyncLedger ledger = SyncLedger.at(dir.resolve("ledger.json")).withEnvironment(name -> null);
            SyncOptions options = SyncOptions.builder().ledger(ledger).prune(true).maxDeletes(0).build();
            try (SecretsClient client = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(token).build()) {
                for (String value : List.of(CANARY + "-1", CANARY + "-2")) {
                    SyncPlan plan = client.plan(app, Map.of("A", SecretValue.of(value), "B", SecretValue.of(CANARY)),
                            options);
                    texts.add(plan.toString());
                    texts.add(plan.diff().toString());
                    texts.add(plan.apply().toString());
                }
                emulator.storeSecret(app, "EXTRA", CANARY);
                emulator.storeSecret(app, "A", CANARY + "-elsewhere");
                SyncPlan refused = client.plan(app, Map.of("A", SecretValue.of(CANARY)),
                        options.toBuilder().refuseDrifted(true).build());
                texts.add(refused.toString());
                texts.add(String.valueOf(catchThrowable(refused::apply)));
                Files.writeString(ledger.file(), Files.readString(ledger.file()).replace("\"id\"", "\"ID\""));
                texts.add(String.valueOf(catchThrowable(() -> client.plan(app, Map.of("A", SecretValue.of(CANARY)),
                        options))));
            }
            texts.add(options.toString());
            texts.add(ledger.toString());
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(level);
        }
        logs.list.forEach(event -> texts.add(event.getFormattedMessage()));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                texts.add(file + ": " + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("\"hmac\""));
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("sync refused"));
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("LedgerException"));
        assertThat(texts).noneSatisfy(text -> assertThat(text).contains(CANARY));
    }
}
