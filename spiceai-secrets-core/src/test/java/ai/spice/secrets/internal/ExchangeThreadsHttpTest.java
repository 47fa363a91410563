package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.TestTimes;
import ai.spice.secrets.internal.http.ExchangeExecutor;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's own HTTP client reads answers on its selector thread ({@code ExchangeExecutor}); what callers chain on an
 * asynchronous call must still never run there, where one blocking callback would stall every exchange, and the JDK's
 * TLS and HTTP/2 work that then runs there (decryption, flow control) must hold up under concurrent calls.
 */
class ExchangeThreadsHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    @Test
    void aCallbackOnAnAsyncCallRunsOffTheSelectorThreadAndMayCallTheClientAgain() throws Exception {
        server.stubFor(Op.GET.stub().willReturn(Op.GET.ok()));
        try (SecretsClient client = new ClientBuilder().baseUrl(server.getRuntimeInfo().getHttpBaseUrl())
                .token(TestClients.TOKEN).build()) {
            CompletableFuture<String> thread = new CompletableFuture<>();
            CompletableFuture<Secret> nested = client.async().get(42, "DB_URL").thenApply(first -> {
                thread.complete(Thread.currentThread().getName());
                return client.get(42, "DB_URL"); // blocks this thread until the selector thread reads the answer
            });
            assertThat(nested.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS).name()).isEqualTo("DB_URL");
            assertThat(thread.join()).doesNotEndWith(ExchangeExecutor.SELECTOR_SUFFIX);
        }
    }

    @Test
    void theJdkNamesItsSelectorThreadAsTheExecutorExpects() throws Exception {
        server.stubFor(Op.GET.stub().willReturn(Op.GET.ok()));
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(server.getRuntimeInfo().getHttpBaseUrl() + Op.GET.path)).build(),
                HttpResponse.BodyHandlers.discarding());
        // Were it named otherwise, every answer would go back to a pool thread: correct, but a thread hop per call.
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .anyMatch(name -> name.startsWith("HttpClient-") && name.endsWith(ExchangeExecutor.SELECTOR_SUFFIX));
    }

    @Test
    void overTlsAndHttp2ConcurrentCallsAndAListPastTheFlowControlWindowAllComplete() throws Exception {
        String many = IntStream.range(0, 1_000).mapToObj(i -> Op.SECRET_BODY.replace("DB_URL", "SECRET_" + i))
                .collect(Collectors.joining(",", "{\"secrets\":[", "]}"));
        assertThat(many.length()).as("past HTTP/2's initial 64 KiB window").isGreaterThan(100_000);
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok().withBody(many)));
        server.stubFor(Op.GET.stub().willReturn(Op.GET.ok()));
        HttpClient http = HttpClient.newBuilder().executor(new ExchangeExecutor()).sslContext(trustingAnyCertificate())
                .build(); // HTTP/2 preferred, as the SDK's own client
        String https = "https://localhost:" + server.getRuntimeInfo().getHttpsPort();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(https + Op.GET.path)).build(),
                HttpResponse.BodyHandlers.discarding()).version()).isEqualTo(HttpClient.Version.HTTP_2);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (SecretsClient client = new ClientBuilder().baseUrl(https).token(TestClients.TOKEN).httpClient(http).build()) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(callers.submit(() -> client.list(42).size() + client.get(42, "DB_URL").name().length()));
                calls.add(CompletableFuture.supplyAsync(() -> 0).thenCompose(ignored -> client.async().list(42))
                        .thenApply(list -> list.size() + "DB_URL".length()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1_000 + 6);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** Only for WireMock's self-signed certificate: never in the SDK itself. */
    private static SSLContext trustingAnyCertificate() throws Exception {
        X509TrustManager any = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) { }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) { }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, null);
        return context;
    }
}
