package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.RecordingListener;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.TestTimes;
import ai.spice.secrets.errors.NotFoundException;
import ai.spice.secrets.errors.SpiceIoException;
import ai.spice.secrets.internal.call.Scheduler;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AsyncHttpTest {

    private static final Arrivals arrivals = new Arrivals();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(arrivals)).build();

    /** What "at once" means here: no retry delay waited for, only the machine's own hiccups. */
    private static final Duration PROMPTLY = TestTimes.SLACK;

    @Test
    void returnsBeforeTheResponseArrives() throws Exception {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok().withFixedDelay(500)));
        try (SecretsClient client = TestClients.client(server)) {
            CompletableFuture<List<Secret>> list = client.async().list(42);
            assertThat(list).isNotDone();
            assertThat(list.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).hasSize(1);
        }
    }

    @Test
    void failedFutureCarriesTheSameExceptionTheSyncCallThrows() {
        server.stubFor(Op.GET.stub().willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Secret not found\"}")));
        try (SecretsClient client = TestClients.client(server)) {
            assertThatThrownBy(() -> client.async().get(42, "DB_URL").get()).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(NotFoundException.class).hasMessageContaining("Secret not found");
            assertThat(client.async().find(42, "DB_URL").join()).isEmpty();
            assertThat(client.async().deleteIfExists(42, "DB_URL").join()).isFalse();
        }
    }

    @Test
    void appNotFoundStillThrowsFromFindAndDeleteIfExists() {
        server.stubFor(Op.GET.stub().willReturn(aResponse().withStatus(404).withBody("{\"error\":\"App not found\"}")));
        server.stubFor(Op.DELETE.stub().willReturn(aResponse().withStatus(404).withBody("{\"error\":\"App not found\"}")));
        try (SecretsClient client = TestClients.client(server)) {
            assertThatThrownBy(() -> client.find(42, "DB_URL")).isInstanceOf(NotFoundException.class).hasMessageContaining("App not found");
            assertThatThrownBy(() -> client.deleteIfExists(42, "DB_URL")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void cancellingTheFutureCancelsTheRequestAndStopsRetries() throws Exception {
        server.stubFor(Op.GET.stub().willReturn(Op.GET.ok().withFixedDelay(3_000)));
        try (SecretsClient client = TestClients.client(server)) {
            CountDownLatch arrived = arrivals.expect(1);
            CompletableFuture<java.util.Optional<Secret>> find = client.async().find(42, "DB_URL");
            await(arrived);
            assertThat(find.cancel(true)).isTrue();
            assertThatThrownBy(find::join).isInstanceOf(CancellationException.class);
        }
        // counted on arrival: the journal records a request only once its (cancelled) answer is done
        assertThat(arrivals.received()).as("the one request, and no retry after the cancel").isEqualTo(1);
    }

    @Test
    void closingTheClientFailsCallsInFlightPromptly() throws Exception {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok().withFixedDelay(5_000)));
        SecretsClient client = TestClients.client(server);
        CountDownLatch arrived = arrivals.expect(1);
        CompletableFuture<List<Secret>> list = client.async().list(42);
        await(arrived);
        long start = System.nanoTime();
        client.close();
        assertThatThrownBy(() -> list.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).cause()
                .isInstanceOf(SpiceIoException.class).hasMessageContaining("closed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        assertThatThrownBy(() -> client.list(42)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        client.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Op.class)
    void interruptingASyncCallWaitingBetweenAttemptsEndsItAndKeepsTheFlag(Op op) throws Exception {
        server.stubFor(op.stub().willReturn(aResponse().withStatus(503)));
        ParkedScheduler scheduler = new ParkedScheduler();
        SecretsClient client = TestClients.builder(server, new RecordingScheduler()).scheduler(scheduler).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                op.run(client, Op.Mode.SYNC);
            } catch (Throwable t) {
                thrown.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
            done.countDown();
        });
        caller.start();
        CompletableFuture<Void> wait = scheduler.waiting.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        caller.interrupt();
        assertThat(done.await(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        assertThat(thrown.get()).isInstanceOf(SpiceIoException.class).hasMessageContaining("interrupted")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flagKept.get()).isTrue();
        assertThat(wait).as("the wait for the next attempt is abandoned").failsWithin(PROMPTLY)
                .withThrowableOfType(CancellationException.class);
        assertThat(server.countRequestsMatching(op.stub().build().getRequest()).getCount()).isEqualTo(1);
        client.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Op.class)
    void cancellingAnAsyncCallWaitingBetweenAttemptsEndsItAtOnce(Op op) throws Exception {
        server.stubFor(op.stub().willReturn(aResponse().withStatus(503)));
        ParkedScheduler scheduler = new ParkedScheduler();
        RecordingListener listener = new RecordingListener();
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).scheduler(scheduler)
                .listener(listener).build()) {
            CompletableFuture<?> call = op.start(client);
            CompletableFuture<Void> wait = scheduler.waiting.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            assertThat(call.cancel(true)).isTrue();
            assertThatThrownBy(() -> call.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(CancellationException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
            assertThat(wait).as("the wait for the next attempt is abandoned").failsWithin(PROMPTLY)
                .withThrowableOfType(CancellationException.class);
            assertThat(listener.awaitCompletions(PROMPTLY)).as("listeners hear that the operation ended").singleElement()
                    .satisfies(event -> assertThat(event.failure()).contains("CancellationException"));
        }
        assertThat(server.countRequestsMatching(op.stub().build().getRequest()).getCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Op.class)
    void closingTheClientFailsAsyncCallsWaitingBetweenAttemptsPromptly(Op op) throws Exception {
        server.stubFor(op.stub().willReturn(aResponse().withStatus(503)));
        ParkedScheduler scheduler = new ParkedScheduler();
        SecretsClient client = TestClients.builder(server, new RecordingScheduler()).scheduler(scheduler).build();
        CompletableFuture<?> call = op.start(client);
        CompletableFuture<Void> wait = scheduler.waiting.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        client.close();
        assertThatThrownBy(() -> call.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SpiceIoException.class).hasMessageContaining("closed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        assertThat(wait).as("the wait for the next attempt is abandoned").failsWithin(PROMPTLY)
                .withThrowableOfType(CancellationException.class);
        assertThat(server.countRequestsMatching(op.stub().build().getRequest()).getCount()).isEqualTo(1);
    }

    /** A scheduler whose waits never end by themselves: the test sees a call start waiting, and whether it gave up. */
    private static final class ParkedScheduler implements Scheduler {
        final CompletableFuture<CompletableFuture<Void>> waiting = new CompletableFuture<>();

        @Override
        public CompletableFuture<Void> after(Duration delay) {
            CompletableFuture<Void> wait = new CompletableFuture<>();
            waiting.complete(wait);
            return wait;
        }
    }

    private static void await(CountDownLatch arrived) throws InterruptedException {
        assertThat(arrived.await(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("the request arrived").isTrue();
    }

    /** Counts the requests the server receives, as each is matched and before its answer's delay: nothing polls. */
    private static final class Arrivals implements ServeEventListener {
        private volatile CountDownLatch next = new CountDownLatch(0);
        private final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();

        /** A latch that opens once the server has received the next {@code requests} requests. */
        CountDownLatch expect(int requests) {
            received.set(0);
            next = new CountDownLatch(requests);
            return next;
        }

        /** How many requests arrived since the last {@link #expect}: counted as they arrive, not when journaled. */
        int received() {
            return received.get();
        }

        @Override
        public void afterMatch(ServeEvent event, Parameters parameters) {
            received.incrementAndGet();
            next.countDown();
        }

        @Override
        public String getName() {
            return "arrivals";
        }
    }
}
