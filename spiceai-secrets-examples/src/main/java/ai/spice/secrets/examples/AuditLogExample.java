package ai.spice.secrets.examples;

import ai.spice.secrets.OperationCompleted;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.SecretsOperation;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An audit trail of what this service changed, as Spice's docs advise: one structured line per write (upsert or
 * delete) through SLF4J, under its own logger name so it can be routed to an audit sink.
 */
public final class AuditLogExample {

    static final String LOGGER = "ai.spice.secrets.audit";

    private AuditLogExample() {
    }

    /** The listener to copy into your service. Events carry names and ids, never values. */
    static SecretsListener auditLog() {
        Logger audit = LoggerFactory.getLogger(LOGGER);
        return new SecretsListener() {
            @Override
            public void operationCompleted(OperationCompleted done) {
                SecretsOperation operation = done.call().operation();
                if (operation == SecretsOperation.UPSERT || operation == SecretsOperation.DELETE) {
                    audit.info("event=secret.{} app={} name={} outcome={} status={} request_id={} time={}",
                            operation.name().toLowerCase(Locale.ROOT), done.call().appId(), done.call().secretName().orElse("-"),
                            done.failure().orElse("success"), done.statusCode().isPresent() ? done.statusCode().getAsInt() : "-",
                            done.requestId().orElse("-"), Instant.now());
                }
            }
        };
    }

    public static void main(String[] args) {
        try (ExampleSession session = ExampleSession.open("AuditLogExample", SecretsClient.builder().listener(auditLog()))) {
            SecretsClient client = session.client();
            client.upsert(session.appId(), "STRIPE_API_KEY", "sk_live_example");
            client.upsert(session.appId(), "STRIPE_API_KEY", "sk_live_rotated");
            client.list(session.appId());
            client.deleteIfExists(session.appId(), "STRIPE_API_KEY");
            client.deleteIfExists(session.appId(), "STRIPE_API_KEY");
            System.out.println("wrote audit lines to the '" + LOGGER + "' logger");
        }
    }
}
