package ai.spice.secrets.examples;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.bulk.BulkOptions;
import ai.spice.secrets.bulk.BulkResult;
import ai.spice.secrets.bulk.DotEnv;
import java.nio.file.Path;
import java.util.Map;

/** Imports a {@code .env} file (the first argument, or a built-in sample) with one bulk upsert, showing progress by name. */
public final class BulkImportExample {

    private static final String SAMPLE = """
            # staging secrets
            export OPENAI_API_KEY=sk-example
            PG_PASS='example-pg-pass'
            DATABASE_URL="postgres://app:pw@db.internal/app"
            """;

    private BulkImportExample() {
    }

    public static void main(String[] args) {
        Map<String, SecretValue> secrets = args.length > 0 ? DotEnv.read(Path.of(args[0])) : DotEnv.parse(SAMPLE);
        try (ExampleSession session = ExampleSession.open("BulkImportExample")) {
            BulkOptions options = BulkOptions.builder().concurrency(4)
                    .progress((done, total, name) -> System.out.println("  " + done + "/" + total + " " + name))
                    .build();
            BulkResult result = session.client().upsertAll(session.appId(), secrets, options);
            System.out.println("imported " + result.successCount() + " of " + result.total() + " secrets, "
                    + result.failureCount() + " failed");
            result.failed().forEach((name, error) -> System.out.println("failed " + name + ": " + error.getMessage()));
        }
    }
}
