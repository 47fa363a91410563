package ai.spice.secrets.examples;

import ai.spice.secrets.bulk.DotEnv;
import ai.spice.secrets.bulk.SpicepodCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a spicepod (the first argument, or a built-in sample) against the app's secrets, then prints a {@code .env}
 * template of the missing ones.
 */
public final class SpicepodCheckExample {

    private static final String SAMPLE = """
            version: v1
            kind: Spicepod
            name: shop
            models:
              - from: openai:gpt-4o
                name: assistant
                params:
                  openai_api_key: ${ secrets:OPENAI_API_KEY }
            datasets:
              - from: postgres:orders
                name: orders
                params:
                  pg_connection_string: postgres://app:${secrets:PG_PASS}@db.internal:5432/shop
                  pg_sslmode: ${secrets::PG_SSLMODE}
            """;

    private SpicepodCheckExample() {
    }

    public static void main(String[] args) throws IOException {
        Path spicepod = args.length > 0 ? Path.of(args[0]) : sample();
        try (ExampleSession session = ExampleSession.open("SpicepodCheckExample")) {
            session.emulator().ifPresent(emulator -> {
                emulator.storeSecret(session.appId(), "OPENAI_API_KEY", "sk-example");
                emulator.storeSecret(session.appId(), "OLD_API_KEY", "sk-example");
            });
            SpicepodCheck check = session.client().checkSpicepod(session.appId(), spicepod);
            System.out.println(check);
            System.out.print("template for the missing secrets:\n" + DotEnv.template(check.missing()));
        }
    }

    private static Path sample() throws IOException {
        Path file = Files.createTempFile("spicepod", ".yaml");
        file.toFile().deleteOnExit();
        return Files.writeString(file, SAMPLE);
    }
}
