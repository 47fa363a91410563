package ai.spice.secrets.examples;

import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Several upserts in flight at once on the async client, then a list once they have all completed. */
public final class AsyncExample {

    private AsyncExample() {
    }

    public static void main(String[] args) {
        try (ExampleSession session = ExampleSession.open("AsyncExample")) {
            AsyncSecretsClient async = session.client().async();
            long appId = session.appId();
            List<CompletableFuture<Secret>> writes = List.of(
                    async.upsert(appId, "REDIS_URL", SecretValue.of("redis://cache:6379")),
                    async.upsert(appId, "SMTP_PASSWORD", SecretValue.of("mail-pass")),
                    async.upsert(appId, "WEBHOOK_SECRET", SecretValue.of("whsec_example")));
            System.out.println("sent " + writes.size() + " upserts without waiting");
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .thenCompose(done -> async.list(appId))
                    .thenAccept(secrets -> secrets.forEach(s -> System.out.println("stored " + s.name() + " at " + s.updatedAt())))
                    .join();
        }
    }
}
