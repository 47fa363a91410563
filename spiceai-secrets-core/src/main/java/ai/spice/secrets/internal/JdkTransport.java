package ai.spice.secrets.internal;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/** The transport on the JDK's {@link HttpClient}, reading at most {@code maxResponseBytes} of each body. */
final class JdkTransport implements Transport {

    private final HttpClient client;
    private final long maxResponseBytes;

    JdkTransport(HttpClient client, long maxResponseBytes) {
        this.client = client;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public CompletableFuture<RawResponse> send(HttpRequest request) {
        return client.sendAsync(request, info -> new CappedBodySubscriber(info.headers(), maxResponseBytes))
                .thenApply(response -> new RawResponse(response.statusCode(), response.headers(), response.body()));
    }
}
