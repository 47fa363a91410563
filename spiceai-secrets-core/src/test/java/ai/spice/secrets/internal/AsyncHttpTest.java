package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.NotFoundException;
import ai.spice.secrets.errors.SpiceIoException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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

class AsyncHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void returnsBeforeTheResponseArrives() throws Exception {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok().withFixedDelay(500)));
        try (SecretsClient client = TestClients.client(server)) {
            CompletableFuture<List<Secret>> list = client.async().list(42);
            assertThat(list).isNotDone();
            assertThat(list.get(5, TimeUnit.SECONDS)).hasSize(1);
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
            CompletableFuture<java.util.Optional<Secret>> find = client.async().find(42, "DB_URL");
            waitForRequests(1);
            assertThat(find.cancel(true)).isTrue();
            assertThatThrownBy(find::join).isInstanceOf(CancellationException.class);
        }
        assertThat(server.countRequestsMatching(Op.GET.stub().build().getRequest()).getCount()).isEqualTo(1);
    }

    @Test
    void closingTheClientFailsCallsInFlightPromptly() throws Exception {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok().withFixedDelay(5_000)));
        SecretsClient client = TestClients.client(server);
        CompletableFuture<List<Secret>> list = client.async().list(42);
        waitForRequests(1);
        long start = System.nanoTime();
        client.close();
        assertThatThrownBy(() -> list.get(2, TimeUnit.SECONDS)).cause().isInstanceOf(SpiceIoException.class).hasMessageContaining("closed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.list(42)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        client.close();
    }

    @Test
    void interruptingASyncCallWaitingBetweenAttemptsEndsItAndKeepsTheFlag() throws Exception {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(503)));
        SecretsClient client = new ClientBuilder().baseUrl(server.baseUrl()).token("t")
                .retryPolicy(ai.spice.secrets.RetryPolicy.builder().initialDelay(Duration.ofSeconds(30)).maxDelay(Duration.ofSeconds(30)).build())
                .build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                client.list(42);
            } catch (Throwable t) {
                thrown.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
            done.countDown();
        });
        caller.start();
        waitForRequests(1);
        caller.interrupt();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thrown.get()).isInstanceOf(SpiceIoException.class).hasMessageContaining("interrupted")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flagKept.get()).isTrue();
        assertThat(server.countRequestsMatching(Op.LIST.stub().build().getRequest()).getCount()).isEqualTo(1);
        client.close();
    }

    private static void waitForRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.getAllServeEvents().size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.getAllServeEvents()).hasSizeGreaterThanOrEqualTo(count);
    }
}
