package ai.spice.secrets.examples;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.OperationCompleted;
import ai.spice.secrets.OperationStarted;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.testkit.Fault;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** OpenTelemetry traces from a listener: one span per operation, with an event per attempt. */
public final class TracingExample {

    private TracingExample() {
    }

    /** The listener to copy into your service: spans are keyed by the operation id every event carries. */
    static SecretsListener openTelemetry(Tracer tracer) {
        Map<Long, Span> open = new ConcurrentHashMap<>();
        return new SecretsListener() {
            @Override
            public void operationStarted(OperationStarted start) {
                Span span = tracer.spanBuilder("secrets " + start.call().operation().name().toLowerCase(Locale.ROOT))
                        .setAttribute("http.request.method", start.call().operation().method())
                        .setAttribute("url.template", start.call().operation().pathTemplate())
                        .setAttribute("spice.app_id", start.call().appId())
                        .setAttribute("spice.secret_name", start.call().secretName().orElse(""))
                        .startSpan();
                open.put(start.call().operationId(), span);
            }

            @Override
            public void attemptCompleted(AttemptCompleted attempt) {
                Span span = open.get(attempt.call().operationId());
                if (span != null) {
                    span.addEvent("attempt " + attempt.attempt(), Attributes.builder()
                            .put("http.response.status_code", attempt.statusCode().orElse(0))
                            .put("error.type", attempt.failure().orElse(""))
                            .put("retry.delay_ms", attempt.retryDelay().map(d -> d.toMillis()).orElse(-1L)).build());
                }
            }

            @Override
            public void operationCompleted(OperationCompleted done) {
                Span span = open.remove(done.call().operationId());
                if (span != null) {
                    done.failure().ifPresent(failure -> span.setStatus(StatusCode.ERROR, failure));
                    span.setAttribute("spice.attempts", done.attempts());
                    span.end();
                }
            }
        };
    }

    static List<SpanData> run(InMemorySpanExporter exporter) {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Tracer tracer = tracing.get("ai.spice.secrets.examples");
            try (ExampleSession session = ExampleSession.open("TracingExample", SecretsClient.builder().listener(openTelemetry(tracer)))) {
                session.emulator().ifPresent(emulator -> emulator.faults().next(1, "/v1/apps", Fault.status(502)));
                session.client().upsert(session.appId(), "TRACING_DEMO", "value");
                session.client().get(session.appId(), "TRACING_DEMO");
            }
            return exporter.getFinishedSpanItems(); // before close: shutting the provider down clears the exporter
        }
    }

    public static void main(String[] args) {
        for (SpanData span : run(InMemorySpanExporter.create())) {
            System.out.println("span " + span.getName() + " " + span.getStatus().getStatusCode() + " attempts="
                    + span.getAttributes().asMap().get(io.opentelemetry.api.common.AttributeKey.longKey("spice.attempts"))
                    + " events=" + span.getEvents().stream().map(e -> e.getName()).toList());
        }
    }
}
