package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.RecordingListener;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.internal.call.Scheduler;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One case of the fault matrix, run: an operation called once while the server meets it with a {@link WireFault} on
 * every attempt, or once and then with an {@link Answer}. Records what the call ended in, the SDK's attempts (from a
 * listener), the waits it asked for (no real sleeping) and the requests the server saw.
 */
record FaultRun(Object outcome, List<AttemptCompleted> attempts, List<Duration> delays, int requests) {

    /** What the server answers once the fault has been met: a status and a JSON body, or none if null. */
    record Answer(int status, String body) {
        static final Answer SECRET_NOT_FOUND = new Answer(404, "{\"error\":\"Secret not found\"}");

        static Answer goodAnswerOf(Op op) {
            return new Answer(op.okStatus, op.okBody);
        }

        ResponseDefinitionBuilder response() {
            ResponseDefinitionBuilder response = aResponse().withStatus(status);
            return body == null ? response : response.withHeader("Content-Type", "application/json").withBody(body);
        }
    }

    static FaultRun of(WireMockExtension server, Op op, Op.Mode mode, WireFault fault, Optional<Answer> then)
            throws IOException {
        RecordingListener listener = new RecordingListener();
        RecordingScheduler scheduler = new RecordingScheduler();
        try (Stage stage = fault.isAnswer() ? new Stubbed(server, op, fault, then, scheduler) : new Refused(then, scheduler)) {
            Object outcome;
            try (SecretsClient client = TestClients.builder(server, scheduler).baseUrl(stage.url())
                    .scheduler(stage.scheduler()).requestTimeout(fault.requestTimeout()).listener(listener).build()) {
                outcome = outcome(op, mode, client);
            }
            return new FaultRun(outcome, listener.attempts(), List.copyOf(scheduler.delays), stage.requests());
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Object outcome(Op op, Op.Mode mode, SecretsClient client) {
        try {
            return op.run(client, mode);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Where the fault happens, and who counts the requests. */
    private interface Stage extends AutoCloseable {
        String url();

        Scheduler scheduler();

        int requests();

        @Override
        void close();
    }

    /** WireMock answers with the fault, on every attempt or in a scenario's first state. */
    private static final class Stubbed implements Stage {
        private final WireMockExtension server;
        private final Op op;
        private final Scheduler scheduler;

        Stubbed(WireMockExtension server, Op op, WireFault fault, Optional<Answer> then, Scheduler scheduler) {
            this.server = server;
            this.op = op;
            this.scheduler = scheduler;
            if (then.isEmpty()) {
                server.stubFor(op.stub().willReturn(fault.response(op)));
            } else {
                server.stubFor(op.stub().inScenario("s").whenScenarioStateIs(STARTED)
                        .willReturn(fault.response(op)).willSetStateTo("met"));
                server.stubFor(op.stub().inScenario("s").whenScenarioStateIs("met").willReturn(then.get().response()));
            }
        }

        @Override
        public String url() {
            return server.baseUrl();
        }

        @Override
        public Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public int requests() {
            return server.countRequestsMatching(op.stub().build().getRequest()).getCount();
        }

        @Override
        public void close() {
        }
    }

    /**
     * A port where nothing listens. With an answer to give, a server starts there when the client first asks to wait
     * before its next attempt: the scheduler seam, used as the moment the service comes back.
     */
    private static final class Refused implements Stage, Scheduler {
        private final Optional<Answer> then;
        private final RecordingScheduler delays;
        private final int port;
        private RawHttpServer up;

        Refused(Optional<Answer> then, RecordingScheduler delays) throws IOException {
            this.then = then;
            this.delays = delays;
            this.port = closedPort();
        }

        @Override
        public String url() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public Scheduler scheduler() {
            return this;
        }

        @Override
        public synchronized CompletableFuture<Void> after(Duration delay) {
            if (up == null && then.isPresent()) {
                up = RawHttpServer.answering(port, then.get().status(), then.get().body());
            }
            return delays.after(delay);
        }

        @Override
        public synchronized int requests() {
            return up == null ? 0 : up.requests();
        }

        @Override
        public synchronized void close() {
            if (up != null) {
                up.close();
            }
        }
    }
}
