package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.Figures;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.errors.RateLimitException;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.internal.call.Scheduler;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: every operation (sync and async) against every {@link WireFault}. A retryable fault met once is
 * survived with the default policy; met on every attempt it ends in its typed exception after exactly
 * {@code maxAttempts} SDK attempts (counted by a listener, since the JDK resends some GETs on its own) with the
 * earlier failures suppressed; anything else is tried exactly once.
 */
class RetryHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static final Figures figures = Figures.summary(f -> String.format("fault matrix: %d faults (%d retryable) x %d"
                    + " operations x 2 modes = %d cases: %d one-fault-then-success survived; %d fault-on-every-attempt"
                    + " ended in the typed exception after exactly %d attempts, earlier ones suppressed (+%d deletes that"
                    + " do not read the bad body); %d non-retryable answers tried exactly once (+%d 404s that"
                    + " find/deleteIfExists answer); %d SDK attempts, %d server requests, %d of them JDK resends",
            WireFault.values().length, Stream.of(WireFault.values()).filter(fault -> fault.retryable).count(),
            Op.values().length, f.get("survived") + f.get("exhausted") + f.get("ignored body") + f.get("tried once")
                    + f.get("absorbed"), f.get("survived"), f.get("exhausted"), RetryPolicy.defaults().maxAttempts(),
            f.get("ignored body"), f.get("tried once"), f.get("absorbed"), f.get("SDK attempts"),
            f.get("server requests"), f.get("JDK resends")));

    static Stream<Arguments> retryableFaults() {
        return matrix(Stream.of(WireFault.values()).filter(fault -> fault.retryable));
    }

    static Stream<Arguments> everyFault() {
        return matrix(Stream.of(WireFault.values()));
    }

    private static Stream<Arguments> matrix(Stream<WireFault> faults) {
        return faults.flatMap(fault -> TestClients.operationsAndModes()
                .map(args -> Arguments.of(args.get()[0], args.get()[1], fault)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("retryableFaults")
    void oneFaultThenSuccessSucceedsWithTheDefaultPolicy(Op op, Op.Mode mode, WireFault fault) throws IOException {
        List<AttemptCompleted> attempts = new CopyOnWriteArrayList<>();
        Object outcome;
        int requests;
        if (fault == WireFault.CONNECTION_REFUSED) {
            try (RefusedThenUp later = new RefusedThenUp(op)) {
                try (SecretsClient client = builder(fault, new RecordingScheduler(), attempts).baseUrl(later.url())
                        .scheduler(later).build()) {
                    outcome = catchOutcome(() -> op.run(client, mode));
                }
                requests = later.requests();
            }
        } else {
            server.stubFor(op.stub().inScenario("s").whenScenarioStateIs(STARTED)
                    .willReturn(fault.response(op)).willSetStateTo("recovered"));
            server.stubFor(op.stub().inScenario("s").whenScenarioStateIs("recovered").willReturn(op.ok()));
            try (SecretsClient client = builder(fault, new RecordingScheduler(), attempts).build()) {
                outcome = catchOutcome(() -> op.run(client, mode));
            }
            requests = server.countRequestsMatching(op.stub().build().getRequest()).getCount();
        }
        assertThat(outcome instanceof Throwable).as("%s %s %s", op, mode, outcome).isFalse();
        if (outcome instanceof java.util.Optional<?> found) {
            assertThat(found).isPresent();
        } else if (outcome instanceof Boolean deleted) {
            assertThat(deleted).isTrue();
        } else if (outcome instanceof List<?> secrets) {
            assertThat(secrets).hasSize(1);
        }
        // the JDK's own resend of a GET, or a body a delete does not read, hide the fault from the SDK
        boolean hidden = fault.harmlessFor(op) || fault.requestsPerAttempt(op) == 2;
        assertThat(attempts).hasSize(hidden ? 1 : 2);
        assertThat(requests).isEqualTo(fault == WireFault.CONNECTION_REFUSED || fault.harmlessFor(op) ? 1 : 2);
        figures.add("survived", 1);
        count(fault, attempts.size(), requests);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyFault")
    void faultOnEveryAttemptEndsInItsTypedExceptionAfterMaxAttempts(Op op, Op.Mode mode, WireFault fault) throws IOException {
        RecordingScheduler scheduler = new RecordingScheduler();
        List<AttemptCompleted> attempts = new CopyOnWriteArrayList<>();
        ClientBuilder builder = builder(fault, scheduler, attempts);
        if (fault == WireFault.CONNECTION_REFUSED) {
            builder.baseUrl("http://127.0.0.1:" + closedPort());
        } else {
            server.stubFor(op.stub().willReturn(fault.response(op)));
        }
        Object outcome;
        try (SecretsClient client = builder.build()) {
            outcome = catchOutcome(() -> op.run(client, mode));
        }
        int requests = server.countRequestsMatching(op.stub().build().getRequest()).getCount();
        count(fault, attempts.size(), requests);
        if (fault.absorbedBy(op) || fault.harmlessFor(op)) {
            Object answer = fault.absorbedBy(op) ? (op == Op.FIND ? java.util.Optional.empty() : false)
                    : (op == Op.DELETE_IF_EXISTS ? true : null);
            assertThat(outcome).isEqualTo(answer);
            assertThat(attempts).hasSize(1);
            assertThat(requests).isEqualTo(1);
            figures.add(fault.absorbedBy(op) ? "absorbed" : "ignored body", 1);
            return;
        }
        assertThat(outcome).isExactlyInstanceOf(fault.thrown);
        SpiceException failure = (SpiceException) outcome;
        assertThat(failure).hasMessageContaining(op.method + " " + op.path);
        int expected = fault.retryable ? RetryPolicy.defaults().maxAttempts() : 1;
        assertThat(attempts).extracting(AttemptCompleted::attempt).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, expected).boxed().toList());
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.failure()).contains(fault.thrown.getSimpleName()));
        assertThat(attempts.get(expected - 1).willRetry()).isFalse();
        assertThat(scheduler.delays).hasSize(expected - 1);
        for (int retry = 1; retry < expected; retry++) {
            Duration delay = scheduler.delays.get(retry - 1);
            assertThat(fault.wait.allows(retry, delay)).as("retry %d waits %s", retry, delay).isTrue();
            assertThat(attempts.get(retry - 1).retryDelay()).contains(delay);
        }
        assertThat(failure.getSuppressed()).hasSize(expected - 1)
                .allSatisfy(earlier -> assertThat(earlier).isExactlyInstanceOf(fault.thrown));
        assertThat(requests).isEqualTo(fault.isAnswer() ? expected * fault.requestsPerAttempt(op) : 0);
        if (fault == WireFault.CONNECTION_REFUSED) {
            assertThat(failure).hasMessageContaining("could not connect").hasCauseInstanceOf(java.net.ConnectException.class);
        }
        figures.add(fault.retryable ? "exhausted" : "tried once", 1);
    }

    private static void count(WireFault fault, int attempts, int requests) {
        figures.add("SDK attempts", attempts);
        figures.add("server requests", requests);
        if (fault.isAnswer()) {
            figures.add("JDK resends", requests - attempts);
        }
    }

    /** A client for one case: no real sleeping, no jitter, the short timeout when the fault is a slow answer. */
    private static ClientBuilder builder(WireFault fault, RecordingScheduler scheduler, List<AttemptCompleted> attempts) {
        ClientBuilder builder = TestClients.builder(server, scheduler).listener(new SecretsListener() {
            @Override
            public void attemptCompleted(AttemptCompleted event) {
                attempts.add(event);
            }
        });
        return fault == WireFault.SLOW ? builder.requestTimeout(WireFault.SLOW_TIMEOUT) : builder;
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A port where nothing listens until the client asks to wait before its next attempt: then a server starts there
     * and answers the operation's good answer. The scheduler seam, used as the moment the service comes back.
     */
    static final class RefusedThenUp implements Scheduler, AutoCloseable {
        private final Op op;
        private final int port;
        private RawHttpServer up;

        RefusedThenUp(Op op) throws IOException {
            this.op = op;
            this.port = closedPort();
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        int requests() {
            return up == null ? 0 : up.requests();
        }

        @Override
        public synchronized CompletableFuture<Void> after(Duration delay) {
            if (up == null) {
                up = RawHttpServer.answering(port, op.okStatus, op.okBody);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized void close() {
            if (up != null) {
                up.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Op.class, names = {"LIST", "GET", "FIND", "UPSERT"})
    void unreadableSuccessBodyIsRetriedThenReportedAsInvalidData(Op op) {
        server.stubFor(op.stub().willReturn(aResponse().withStatus(200).withBody("{\"secrets\":[{\"id\":1,\"na")));
        RecordingScheduler scheduler = new RecordingScheduler();
        try (SecretsClient client = TestClients.builder(server, scheduler).build()) {
            assertThat(catchThrowable(() -> op.run(client, Op.Mode.SYNC))).isInstanceOf(SpiceInvalidDataException.class)
                    .hasMessageContaining(op.method + " " + op.path);
        }
        assertThat(scheduler.delays).hasSize(2);
    }

    @Test
    void retryAfterReplacesTheBackoffDelay() {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        RecordingScheduler scheduler = new RecordingScheduler();
        try (SecretsClient client = TestClients.builder(server, scheduler).build()) {
            catchThrowable(() -> client.list(42));
        }
        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void rateLimitResetIsHonouredWhenNoRetryAfterIsGiven() {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", "3")));
        RecordingScheduler scheduler = new RecordingScheduler();
        try (SecretsClient client = TestClients.builder(server, scheduler).build()) {
            catchThrowable(() -> client.list(42));
        }
        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void aWaitLongerThanSixtySecondsIsNotWaitedFor() {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "61")));
        RecordingScheduler scheduler = new RecordingScheduler();
        try (SecretsClient client = TestClients.builder(server, scheduler).build()) {
            assertThat(catchThrowable(() -> client.list(42))).isInstanceOfSatisfying(RateLimitException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(61)));
        }
        assertThat(scheduler.delays).isEmpty();
        assertThat(server.countRequestsMatching(Op.LIST.stub().build().getRequest()).getCount()).isEqualTo(1);
    }

    @Test
    void attemptsFollowTheConfiguredPolicy() {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(503)));
        RecordingScheduler scheduler = new RecordingScheduler();
        RetryPolicy five = RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofMillis(100)).multiplier(3).jitter(0).build();
        try (SecretsClient client = TestClients.builder(server, scheduler).retryPolicy(five).build()) {
            catchThrowable(() -> client.list(42));
        }
        assertThat(scheduler.delays).isEqualTo(List.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofMillis(2700)));
        assertThat(server.countRequestsMatching(Op.LIST.stub().build().getRequest()).getCount()).isEqualTo(5);
    }

    private static Object catchOutcome(Supplier<Object> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e;
        }
    }
}
