package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.InternalServerException;
import ai.spice.secrets.errors.RateLimitException;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.errors.SpiceIoException;
import ai.spice.secrets.errors.SpiceServiceException;
import ai.spice.secrets.errors.SpiceTimeoutException;
import ai.spice.secrets.errors.UnexpectedStatusCodeException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RetryHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** What the server does on every attempt, whether it is retried, and what is thrown in the end. */
    enum Condition {
        STATUS_408(() -> status(408), true, UnexpectedStatusCodeException.class),
        STATUS_429(() -> status(429), true, RateLimitException.class),
        STATUS_500(() -> status(500), true, InternalServerException.class),
        STATUS_502(() -> status(502), true, InternalServerException.class),
        STATUS_503(() -> status(503), true, InternalServerException.class),
        STATUS_504(() -> status(504), true, InternalServerException.class),
        STATUS_400(() -> status(400), false, SpiceServiceException.class),
        STATUS_401(() -> status(401), false, SpiceServiceException.class),
        STATUS_403(() -> status(403), false, SpiceServiceException.class),
        STATUS_404(() -> status(404), false, SpiceServiceException.class),
        STATUS_409(() -> status(409), false, SpiceServiceException.class),
        STATUS_422(() -> status(422), false, SpiceServiceException.class),
        RESET(() -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), true, SpiceIoException.class),
        EMPTY_RESPONSE(() -> aResponse().withFault(Fault.EMPTY_RESPONSE), true, SpiceIoException.class),
        MALFORMED_CHUNK(() -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), true, SpiceIoException.class),
        GARBAGE_THEN_CLOSE(() -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), true, SpiceIoException.class);

        final Supplier<ResponseDefinitionBuilder> response;
        final boolean retried;
        final Class<? extends SpiceException> thrown;

        Condition(Supplier<ResponseDefinitionBuilder> response, boolean retried, Class<? extends SpiceException> thrown) {
            this.response = response;
            this.retried = retried;
            this.thrown = thrown;
        }

        private static ResponseDefinitionBuilder status(int status) {
            return aResponse().withStatus(status).withBody("{\"error\":\"status " + status + "\"}");
        }
    }

    static Stream<Arguments> decisions() {
        return TestClients.operationsAndModes().flatMap(args -> Stream.of(Condition.values())
                .map(condition -> Arguments.of(args.get()[0], args.get()[1], condition)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("decisions")
    void retriesWhatIsRetryableUntilAttemptsRunOut(Op op, Op.Mode mode, Condition condition) {
        server.stubFor(op.stub().willReturn(condition.response.get()));
        RecordingScheduler scheduler = new RecordingScheduler();
        Object outcome;
        try (SecretsClient client = TestClients.builder(server, scheduler).build()) {
            outcome = catchOutcome(() -> op.run(client, mode));
        }
        int attempts = server.countRequestsMatching(op.stub().build().getRequest()).getCount();
        if (condition == Condition.STATUS_404 && op.absorbsNotFound()) {
            assertThat(outcome).isIn(java.util.Optional.empty(), false);
            assertThat(attempts).isEqualTo(1);
            return;
        }
        assertThat(outcome).isInstanceOf(condition.thrown);
        SpiceException failure = (SpiceException) outcome;
        if (condition.retried) {
            assertThat(attempts).isEqualTo(3 * jdkResends(op, condition));
            assertThat(scheduler.delays).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(failure.getSuppressed()).hasSize(2).allSatisfy(earlier -> assertThat(earlier).isInstanceOf(condition.thrown));
        } else {
            assertThat(attempts).isEqualTo(1);
            assertThat(scheduler.delays).isEmpty();
            assertThat(failure.getSuppressed()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Condition.class, names = {"STATUS_408", "STATUS_429", "STATUS_503", "RESET", "EMPTY_RESPONSE", "GARBAGE_THEN_CLOSE"})
    void oneFaultThenSuccessSucceedsOnEveryOperation(Condition condition) {
        for (Op op : Op.values()) {
            for (Op.Mode mode : Op.Mode.values()) {
                server.resetAll();
                String scenario = op + "-" + mode;
                server.stubFor(op.stub().inScenario(scenario).whenScenarioStateIs(STARTED)
                        .willReturn(condition.response.get()).willSetStateTo("recovered"));
                server.stubFor(op.stub().inScenario(scenario).whenScenarioStateIs("recovered").willReturn(op.ok()));
                try (SecretsClient client = TestClients.client(server)) {
                    Object outcome = catchOutcome(() -> op.run(client, mode));
                    assertThat(outcome instanceof Throwable).as("%s %s: %s", op, mode, outcome).isFalse();
                }
                assertThat(server.countRequestsMatching(op.stub().build().getRequest()).getCount()).isEqualTo(2);
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
    void timeoutIsRetriedThenReportedAsTimeout() {
        server.stubFor(Op.GET.stub().willReturn(Op.GET.ok().withFixedDelay(2_000)));
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler())
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).requestTimeout(Duration.ofMillis(150)).build()) {
            Throwable thrown = catchThrowable(() -> client.get(42, "DB_URL"));
            assertThat(thrown).isInstanceOf(SpiceTimeoutException.class).hasMessageContaining("GET /v1/apps/42/secrets/DB_URL");
            assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(SpiceTimeoutException.class);
        }
        assertThat(server.countRequestsMatching(Op.GET.stub().build().getRequest()).getCount()).isEqualTo(2);
    }

    @Test
    void connectionRefusedIsRetriedThenReportedAsIo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RecordingScheduler scheduler = new RecordingScheduler();
        try (SecretsClient client = new ClientBuilder().baseUrl("http://127.0.0.1:" + closedPort).token("t")
                .scheduler(scheduler).random(() -> 0.5).build()) {
            assertThat(catchThrowable(() -> client.list(42))).isExactlyInstanceOf(SpiceIoException.class)
                    .hasMessageContaining("could not connect").hasCauseInstanceOf(java.net.ConnectException.class);
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

    /**
     * The JDK's HttpClient itself sends an idempotent GET once more when the connection closes before any byte of
     * the response (its recovery from stale pooled connections), so the server sees each SDK attempt twice for
     * those faults. The SDK's own attempts are still exactly {@code maxAttempts}, as the recorded delays show.
     */
    private static int jdkResends(Op op, Condition condition) {
        boolean closedBeforeResponse = condition == Condition.RESET || condition == Condition.EMPTY_RESPONSE;
        return closedBeforeResponse && op.method.equals("GET") ? 2 : 1;
    }

    private static Object catchOutcome(Supplier<Object> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e;
        }
    }
}
