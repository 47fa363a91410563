package ai.spice.secrets.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The metrics and tracing examples produce exactly the meters and spans they promise. */
class ObservabilityExamplesTest {

    @BeforeAll
    static void forceTheEmulator() {
        System.setProperty("spice.examples.emulator", "true");
    }

    @Test
    void metricsExampleRecordsATimerPerOperationAndOutcomeAndCountsRetries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ExamplesTest.run(args -> MetricsExample.run(registry));
        assertThat(registry.get("spice.secrets.operations").tags("operation", "upsert", "outcome", "success").timer().count()).isEqualTo(1);
        assertThat(registry.get("spice.secrets.operations").tags("operation", "list", "outcome", "success").timer().count()).isEqualTo(1);
        assertThat(registry.get("spice.secrets.operations").tags("operation", "get", "outcome", "NotFoundException").timer().count()).isEqualTo(1);
        assertThat(registry.get("spice.secrets.retries").tags("operation", "upsert").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("spice.secrets.retries").tags("operation", "list").counter()).isNull();
    }

    @Test
    void tracingExampleMakesOneSpanPerOperationWithAnEventPerAttempt() {
        List<SpanData> spans = TracingExample.run(InMemorySpanExporter.create());
        assertThat(spans).extracting(SpanData::getName).containsExactly("secrets upsert", "secrets get");
        SpanData upsert = spans.get(0);
        assertThat(upsert.getEvents()).extracting(EventData::getName).containsExactly("attempt 1", "attempt 2");
        assertThat(upsert.getEvents().get(0).getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(502);
        assertThat(upsert.getEvents().get(0).getAttributes().get(AttributeKey.longKey("retry.delay_ms"))).isPositive();
        assertThat(upsert.getAttributes().get(AttributeKey.longKey("spice.attempts"))).isEqualTo(2);
        assertThat(upsert.getAttributes().get(AttributeKey.stringKey("spice.secret_name"))).isEqualTo("TRACING_DEMO");
        assertThat(upsert.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(spans.get(1).getAttributes().get(AttributeKey.stringKey("url.template")))
                .isEqualTo("/v1/apps/{appId}/secrets/{secretName}");
        assertThat(spans).allSatisfy(span -> assertThat(span.hasEnded()).isTrue());
    }
}
