package ai.spice.secrets.examples;

import ai.spice.secrets.bulk.DotEnv;
import ai.spice.secrets.bulk.SpicepodCheck;
import ai.spice.secrets.bulk.SpicepodCheckOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a spicepod (the first argument, or a built-in sample) against the app's secrets, with one platform-provided
 * name available elsewhere, then prints a {@code .env} template of the missing ones.
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
                  fallback_key: ${secrets:SCP_OPENAI_API_KEY}
            datasets:
              - from: postgres:orders
                name: orders
                params:
                  pg_host: ${secrets:pg_host}
                  pg_user: ${env:PG_USER}
                  pg_connection_string: 'postgres://app:${secrets:PG_PASS}@db.internal:5432/shop # primary'
                  pg_sslmode: ${secrets::PG_SSLMODE}
            """;

    private SpicepodCheckExample() {
    }

    public static void main(String[] args) throws IOException {
        Path spicepod = args.length > 0 ? Path.of(args[0]) : sample();
        SpicepodCheckOptions options = SpicepodCheckOptions.builder()
                .availableElsewhere(List.of("SCP_OPENAI_API_KEY")).build();
        try (ExampleSession session = ExampleSession.open("SpicepodCheckExample")) {
            session.emulator().ifPresent(emulator -> List.of("OPENAI_API_KEY", "PG_HOST", "PG_USER", "OLD_API_KEY")
                    .forEach(name -> emulator.storeSecret(session.appId(), name, "example-" + name)));
            SpicepodCheck check = session.client().checkSpicepod(session.appId(), spicepod, options);
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
