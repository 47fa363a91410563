package ai.spice.secrets.examples;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;

/** Create, list, get, update and delete a secret, printing names, ids and timestamps (never values). */
public final class QuickstartExample {

    private QuickstartExample() {
    }

    public static void main(String[] args) {
        try (ExampleSession session = ExampleSession.open("QuickstartExample")) {
            SecretsClient client = session.client();
            long appId = session.appId();

            Secret created = client.upsert(appId, "DATABASE_URL", SecretValue.of("postgres://app:pw@db.internal/app"));
            System.out.println("created  " + created.name() + " id=" + created.id() + " at " + created.createdAt());

            for (Secret secret : client.list(appId)) {
                System.out.println("listed   " + secret.name() + " value=" + secret.maskedValue());
            }

            Secret read = client.get(appId, "DATABASE_URL");
            System.out.println("read     " + read.name() + " updated " + read.updatedAt());

            Secret updated = client.upsert(appId, "DATABASE_URL", SecretValue.of("postgres://app:rotated@db.internal/app"));
            System.out.println("updated  " + updated.name() + " id=" + updated.id() + " (same id) updated " + updated.updatedAt());

            client.delete(appId, "DATABASE_URL");
            System.out.println("deleted  DATABASE_URL; still there? " + client.find(appId, "DATABASE_URL").isPresent());
        }
    }
}
