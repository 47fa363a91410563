package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.Figures;
import ai.spice.secrets.RecordingListener;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.TestTimes;
import ai.spice.secrets.errors.InternalServerException;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceTimeoutException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With a request timeout T, N attempts and the waits W between them, a call ends within N x T + W (plus slack for
 * scheduling), whatever the server does: answer late, dribble the body, or ask to wait. Measured with the real
 * scheduler and short delays; the 14 operations and modes of a row run at once, each timed on its own.
 */
class TimeBoundsHttpTest {

    // Delayed answers must not hold WireMock's request threads: the next row would wait for them.
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(64).asynchronousResponseEnabled(true).asynchronousResponseThreads(8)).build();

    private static final Duration TIMEOUT = Duration.ofMillis(100);
    private static final int ATTEMPTS = 4;
    private static final RetryPolicy SHORT_WAITS = RetryPolicy.builder().maxAttempts(ATTEMPTS)
            .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(80)).multiplier(2).jitter(0).build();
    private static final Duration BACKOFF_WAITS = Duration.ofMillis(20 + 40 + 80);
    private static final Duration SLACK = TestTimes.SLACK;

    @RegisterExtension
    static final Figures figures = Figures.summary(f -> String.format("time bounds: %d calls (T=%d ms, %d attempts,"
                    + " waits up to %d ms, every operation sync and async; late headers, dribbled body, Retry-After):"
                    + " each ended within N x T + waits + %d ms slack; slowest %d ms, at most %d ms past N x T + waits",
            f.get("calls"), TIMEOUT.toMillis(), ATTEMPTS, Stall.RETRY_AFTER_100_MS.waits.toMillis(), SLACK.toMillis(),
            f.get("slowest ms"), f.get("most ms past the bound")));

    /** What the server does on every attempt, and the waits between attempts that follow. */
    enum Stall {
        HEADERS_LATE(() -> aResponse().withStatus(200).withBody(Op.SECRET_BODY).withFixedDelay(2_000),
                SpiceTimeoutException.class, BACKOFF_WAITS, true),
        /** Headers at once, then the body a byte every 50 ms, from {@link RawHttpServer} (WireMock's dribble is uneven). */
        BODY_DRIBBLED(null, SpiceTimeoutException.class, BACKOFF_WAITS, true),
        RETRY_AFTER_100_MS(() -> aResponse().withStatus(503).withHeader("Retry-After", "0.1"),
                InternalServerException.class, Duration.ofMillis(3 * 100), false);

        final Supplier<ResponseDefinitionBuilder> response;
        final Class<? extends SpiceException> thrown;
        final Duration waits;
        final boolean everyAttemptTimesOut;

        Stall(Supplier<ResponseDefinitionBuilder> response, Class<? extends SpiceException> thrown, Duration waits,
              boolean everyAttemptTimesOut) {
            this.response = response;
            this.thrown = thrown;
            this.waits = waits;
            this.everyAttemptTimesOut = everyAttemptTimesOut;
        }
    }

    /**
     * Every operation once, sync and async, before anything is timed: class loading and the JSON mapper's start-up
     * happen once per JVM (over a second on 2 cores when this class runs first), not inside a timed call.
     */
    @BeforeAll
    static void warmUp() {
        for (Op op : Op.values()) {
            server.stubFor(op.stub().willReturn(op.ok()));
        }
        try (SecretsClient client = TestClients.client(server)) {
            for (Op op : Op.values()) {
                for (Op.Mode mode : Op.Mode.values()) {
                    op.run(client, mode);
                }
            }
        }
        server.resetAll();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Stall.class)
    void everyCallEndsWithinAttemptsTimesTimeoutPlusWaits(Stall stall) throws Exception {
        Dribble dribble = new Dribble();
        RawHttpServer dribbler = stall == Stall.BODY_DRIBBLED ? new RawHttpServer(0, dribble) : null;
        String baseUrl = dribbler != null ? dribbler.url() : server.baseUrl();
        if (dribbler == null) {
            for (Op op : Op.values()) {
                server.stubFor(op.stub().willReturn(stall.response.get()));
            }
        }
        Duration bound = TIMEOUT.multipliedBy(ATTEMPTS).plus(stall.waits);
        Duration atLeast = stall.everyAttemptTimesOut ? bound : stall.waits;
        ExecutorService callers = Executors.newFixedThreadPool(Op.values().length);
        List<CompletableFuture<Timed>> timed = new ArrayList<>();
        try {
            for (Op op : Op.values()) {
                for (Op.Mode mode : Op.Mode.values()) {
                    timed.add(CompletableFuture.supplyAsync(() -> timed(baseUrl, op, mode), callers));
                }
            }
            for (CompletableFuture<Timed> call : timed) {
                Timed result = call.get(30, TimeUnit.SECONDS);
                assertThat(result.outcome).as("%s %s", result.op, result.mode).isExactlyInstanceOf(stall.thrown);
                assertThat(result.attempts).as("%s %s attempts", result.op, result.mode).isEqualTo(ATTEMPTS);
                assertThat(result.took).as("%s %s", result.op, result.mode)
                        .isGreaterThanOrEqualTo(atLeast).isLessThanOrEqualTo(bound.plus(SLACK));
                figures.add("calls", 1);
                figures.max("most ms past the bound", result.took.minus(bound).toMillis());
                figures.max("slowest ms", result.took.toMillis());
            }
        } finally {
            callers.shutdownNow();
            if (dribbler != null) {
                dribbler.close();
            }
            dribble.close();
        }
    }

    private record Timed(Op op, Op.Mode mode, Object outcome, int attempts, Duration took) {
    }

    /**
     * A good answer whose body comes a byte every {@link #PACE}, written by a timer (no server thread sleeps): only the
     * request timeout can end the wait for it. The connection's thread waits until the body is out or the client has
     * hung up (a write fails).
     */
    private static final class Dribble implements RawHttpServer.Handler, AutoCloseable {
        static final Duration PACE = Duration.ofMillis(50);

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dribble");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        public void answer(String requestLine, OutputStream out) throws IOException {
            byte[] body = (requestLine.startsWith("GET") && requestLine.contains("/secrets ") ? Op.LIST_BODY : Op.SECRET_BODY)
                    .getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<Void> over = new CompletableFuture<>();
            AtomicInteger next = new AtomicInteger();
            ScheduledFuture<?> ticks = timer.scheduleAtFixedRate(() -> {
                int index = next.getAndIncrement();
                try {
                    if (index < body.length) {
                        out.write(body[index]);
                        out.flush();
                    } else {
                        over.complete(null);
                    }
                } catch (IOException hungUp) {
                    over.complete(null);
                }
            }, PACE.toMillis(), PACE.toMillis(), TimeUnit.MILLISECONDS);
            try {
                over.get(PACE.multipliedBy(body.length).plus(TestTimes.PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the server gives up on its own dribble: the test has long failed or finished
            } finally {
                ticks.cancel(false);
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private static Timed timed(String baseUrl, Op op, Op.Mode mode) {
        RecordingListener listener = new RecordingListener();
        try (SecretsClient client = new ClientBuilder().baseUrl(baseUrl).token(TestClients.TOKEN)
                .requestTimeout(TIMEOUT).retryPolicy(SHORT_WAITS).listener(listener).build()) {
            long start = System.nanoTime();
            Object outcome;
            try {
                outcome = op.run(client, mode);
            } catch (RuntimeException e) {
                outcome = e;
            }
            return new Timed(op, mode, outcome, listener.attempts().size(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
