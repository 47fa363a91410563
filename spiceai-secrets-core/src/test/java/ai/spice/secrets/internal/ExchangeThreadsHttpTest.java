package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.TestTimes;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's own HTTP client reads answers on its selector thread ({@code ExchangeExecutor}); what callers chain on an
 * asynchronous call must still never run there, where one blocking callback would stall every exchange.
 */
class ExchangeThreadsHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aCallbackOnAnAsyncCallRunsOffTheSelectorThreadAndMayCallTheClientAgain() throws Exception {
        server.stubFor(Op.GET.stub().willReturn(Op.GET.ok()));
        try (SecretsClient client = new ClientBuilder().baseUrl(server.baseUrl()).token(TestClients.TOKEN).build()) {
            CompletableFuture<String> thread = new CompletableFuture<>();
            CompletableFuture<Secret> nested = client.async().get(42, "DB_URL").thenApply(first -> {
                thread.complete(Thread.currentThread().getName());
                return client.get(42, "DB_URL"); // blocks this thread until the selector thread reads the answer
            });
            assertThat(nested.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS).name()).isEqualTo("DB_URL");
            assertThat(thread.join()).doesNotEndWith("-SelectorManager");
        }
    }

    @Test
    void theJdkNamesItsSelectorThreadAsTheExecutorExpects() throws Exception {
        server.stubFor(Op.GET.stub().willReturn(Op.GET.ok()));
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + Op.GET.path)).build(),
                HttpResponse.BodyHandlers.discarding());
        // Were it named otherwise, every answer would go back to a pool thread: correct, but a thread hop per call.
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .anyMatch(name -> name.matches("HttpClient-\\d+-SelectorManager"));
    }
}
