package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.OperationCompleted;
import ai.spice.secrets.OperationStarted;
import ai.spice.secrets.RecordingListener;
import ai.spice.secrets.SecretsCall;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.errors.InternalServerException;
import ai.spice.secrets.errors.NotFoundException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ListenerHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Each event heard as one line, so a test states the whole expected sequence. */
    private static List<String> lines(RecordingListener listener) {
        return listener.events().stream().map(ListenerHttpTest::line).toList();
    }

    private static String line(Object event) {
        if (event instanceof OperationStarted e) {
            return "started " + e.call().operation() + " app " + e.call().appId() + " " + e.call().secretName().orElse("-");
        }
        if (event instanceof AttemptCompleted e) {
            return "attempt " + e.attempt() + " " + (e.statusCode().isPresent() ? e.statusCode().getAsInt() : "-")
                    + " " + e.failure().orElse("ok") + " " + e.requestId().orElse("-")
                    + (e.willRetry() ? " retry in " + e.retryDelay().get().toMillis() + " ms" : "");
        }
        OperationCompleted e = (OperationCompleted) event;
        return "completed after " + e.attempts() + " " + (e.isSuccess() ? "ok" : e.failure().get())
                + " " + (e.statusCode().isPresent() ? e.statusCode().getAsInt() : "-");
    }

    private SecretsClient client(SecretsListener... listeners) {
        ClientBuilder builder = TestClients.builder(server, new RecordingScheduler());
        for (SecretsListener listener : listeners) {
            builder.listener(listener);
        }
        return builder.build();
    }

    @ParameterizedTest
    @EnumSource(Op.Mode.class)
    void successIsStartedOneAttemptCompleted(Op.Mode mode) {
        server.stubFor(Op.GET.stub().willReturn(Op.GET.ok()));
        RecordingListener listener = new RecordingListener();
        try (SecretsClient client = client(listener)) {
            Op.GET.run(client, mode);
        }
        assertThat(lines(listener)).containsExactly(
                "started GET app 42 DB_URL",
                "attempt 1 200 ok req-ok",
                "completed after 1 ok 200");
    }

    @ParameterizedTest
    @EnumSource(Op.Mode.class)
    void retryThenSuccessShowsEachAttemptAndTheDelay(Op.Mode mode) {
        server.stubFor(Op.LIST.stub().inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("x-request-id", "req-1")).willSetStateTo("up"));
        server.stubFor(Op.LIST.stub().inScenario("s").whenScenarioStateIs("up").willReturn(Op.LIST.ok()));
        RecordingListener listener = new RecordingListener();
        try (SecretsClient client = client(listener)) {
            Op.LIST.run(client, mode);
        }
        assertThat(lines(listener)).containsExactly(
                "started LIST app 42 -",
                "attempt 1 503 InternalServerException req-1 retry in 500 ms",
                "attempt 2 200 ok req-ok",
                "completed after 2 ok 200");
    }

    @ParameterizedTest
    @EnumSource(Op.Mode.class)
    void exhaustionEndsWithTheLastFailure(Op.Mode mode) {
        server.stubFor(Op.UPSERT.stub().willReturn(aResponse().withStatus(500)));
        RecordingListener listener = new RecordingListener();
        try (SecretsClient client = client(listener)) {
            assertThat(catchThrowable(() -> Op.UPSERT.run(client, mode))).isInstanceOf(InternalServerException.class);
        }
        assertThat(lines(listener)).containsExactly(
                "started UPSERT app 42 DB_URL",
                "attempt 1 500 InternalServerException - retry in 500 ms",
                "attempt 2 500 InternalServerException - retry in 1000 ms",
                "attempt 3 500 InternalServerException -",
                "completed after 3 InternalServerException 500");
    }

    @ParameterizedTest
    @EnumSource(Op.Mode.class)
    void nonRetryableErrorIsOneAttempt(Op.Mode mode) {
        server.stubFor(Op.DELETE.stub().willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Secret not found\"}")));
        RecordingListener listener = new RecordingListener();
        try (SecretsClient client = client(listener)) {
            assertThat(catchThrowable(() -> Op.DELETE.run(client, mode))).isInstanceOf(NotFoundException.class);
        }
        assertThat(lines(listener)).containsExactly(
                "started DELETE app 42 DB_URL",
                "attempt 1 404 NotFoundException -",
                "completed after 1 NotFoundException 404");
    }

    @Test
    void everyEventOfAnOperationCarriesItsOwnOperationId() {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(503)));
        RecordingListener listener = new RecordingListener();
        try (SecretsClient client = client(listener)) {
            catchThrowable(() -> client.list(42));
            catchThrowable(() -> client.list(42));
        }
        List<Long> ids = listener.calls().stream().map(SecretsCall::operationId).toList();
        assertThat(ids).hasSize(10);
        assertThat(ids.subList(0, 5)).containsOnly(ids.get(0));
        assertThat(ids.subList(5, 10)).containsOnly(ids.get(5));
        assertThat(ids.get(5)).isGreaterThan(ids.get(0));
    }

    @ParameterizedTest
    @EnumSource(Op.Mode.class)
    void aThrowingListenerChangesNothingAndLaterListenersStillHear(Op.Mode mode) {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok()));
        SecretsListener throwing = new SecretsListener() {
            @Override
            public void operationStarted(OperationStarted event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void attemptCompleted(AttemptCompleted event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void operationCompleted(OperationCompleted event) {
                throw new IllegalStateException("listener bug");
            }
        };
        RecordingListener listener = new RecordingListener();
        try (LogCapture logs = new LogCapture(); SecretsClient client = client(throwing, listener)) {
            assertThat(Op.LIST.run(client, mode)).asList().hasSize(1);
            Op.LIST.run(client, mode);
            assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN")).hasSize(1)
                    .allSatisfy(line -> assertThat(line).contains("threw"));
        }
        assertThat(listener.events()).hasSize(6);
    }
}
