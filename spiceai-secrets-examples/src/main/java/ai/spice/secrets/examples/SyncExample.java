package ai.spice.secrets.examples;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.bulk.DotEnv;
import ai.spice.secrets.bulk.SyncOptions;
import ai.spice.secrets.bulk.SyncPlan;
import java.util.List;
import java.util.Map;

/**
 * Makes an app's secrets match a {@code .env} text, deleting what it does not list: prints the plan (names only), then
 * applies it. On the real API it only prints the plan, unless run with {@code --apply}.
 */
public final class SyncExample {

    private static final String DESIRED = """
            OPENAI_API_KEY=sk-example
            PG_PASS=example-pg-pass
            """;

    private SyncExample() {
    }

    public static void main(String[] args) {
        Map<String, SecretValue> desired = DotEnv.parse(DESIRED);
        try (ExampleSession session = ExampleSession.open("SyncExample")) {
            session.emulator().ifPresent(emulator -> {
                emulator.storeSecret(session.appId(), "PG_PASS", "old-pg-pass");
                emulator.storeSecret(session.appId(), "LEGACY_TOKEN", "old-token");
            });
            boolean apply = session.emulator().isPresent() || List.of(args).contains("--apply");
            SyncOptions options = SyncOptions.builder().prune(true).dryRun(!apply).build();
            SyncPlan plan = session.client().plan(session.appId(), desired, options);
            System.out.println(plan);
            System.out.println(plan.apply().throwIfFailed());
        }
    }
}
