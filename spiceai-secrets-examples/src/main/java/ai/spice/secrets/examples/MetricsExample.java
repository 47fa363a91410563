package ai.spice.secrets.examples;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.OperationCompleted;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.testkit.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;

/** Micrometer metrics from a listener: a timer per operation and outcome, and a counter of retries. */
public final class MetricsExample {

    private MetricsExample() {
    }

    /** The listener to copy into your service: it needs nothing but a {@link MeterRegistry}. */
    static SecretsListener micrometer(MeterRegistry registry) {
        return new SecretsListener() {
            @Override
            public void attemptCompleted(AttemptCompleted attempt) {
                if (attempt.willRetry()) {
                    registry.counter("spice.secrets.retries", "operation", name(attempt.call().operation())).increment();
                }
            }

            @Override
            public void operationCompleted(OperationCompleted done) {
                Timer.builder("spice.secrets.operations")
                        .tag("operation", name(done.call().operation()))
                        .tag("outcome", done.failure().orElse("success"))
                        .register(registry).record(done.duration());
            }
        };
    }

    static void run(MeterRegistry registry) {
        RetryPolicy quick = RetryPolicy.builder().initialDelay(Duration.ofMillis(50)).build();
        try (ExampleSession session = ExampleSession.open("MetricsExample",
                SecretsClient.builder().retryPolicy(quick).listener(micrometer(registry)))) {
            session.emulator().ifPresent(emulator -> emulator.faults().next(1, "/v1/apps", Fault.status(503)));
            session.client().upsert(session.appId(), "METRICS_DEMO", "value");
            session.client().list(session.appId());
            session.client().find(session.appId(), "NOT_THERE");
        }
    }

    public static void main(String[] args) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        run(registry);
        System.out.print(registry.getMetersAsString());
        System.out.println();
    }

    private static String name(Enum<?> operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }
}
