package ai.spice.secrets.examples;

import ai.spice.secrets.bulk.DotEnv;
import ai.spice.secrets.bulk.SyncLedger;
import ai.spice.secrets.bulk.SyncOptions;
import ai.spice.secrets.bulk.SyncPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes an app's secrets match a {@code .env} text, deleting what it does not list, three times through a ledger:
 * the first apply writes, the second sends no write, and one changed value sends one. Prints plans (names only). On
 * the real API it only prints the first plan, unless run with {@code --apply}.
 */
public final class SyncExample {

    private SyncExample() {
    }

    public static void main(String[] args) throws IOException {
        Path ledgerDir = Files.createTempDirectory("spice-sync-example");
        try (ExampleSession session = ExampleSession.open("SyncExample")) {
            session.emulator().ifPresent(emulator -> {
                emulator.storeSecret(session.appId(), "PG_PASS", "old-pg-pass");
                emulator.storeSecret(session.appId(), "LEGACY_TOKEN", "old-token");
            });
            boolean apply = session.emulator().isPresent() || List.of(args).contains("--apply");
            SyncOptions options = SyncOptions.builder().prune(true).dryRun(!apply)
                    .ledger(SyncLedger.at(ledgerDir.resolve("ledger.json"))).build();
            for (String pgPass : List.of("example-pg-pass", "example-pg-pass", "rotated-pg-pass")) {
                SyncPlan plan = session.client().plan(session.appId(),
                        DotEnv.parse("OPENAI_API_KEY=sk-example\nPG_PASS=" + pgPass + "\n"), options);
                System.out.println(plan);
                System.out.println("writes sent: " + plan.apply().throwIfFailed().changeCount());
                if (!apply) {
                    break;
                }
            }
        }
    }
}
