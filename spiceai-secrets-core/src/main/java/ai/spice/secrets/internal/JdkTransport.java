package ai.spice.secrets.internal;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                info -> new CappedBodySubscriber(info.statusCode(), info.headers(), maxResponseBytes));
        CompletableFuture<RawResponse> response =
                exchange.thenApply(answer -> new RawResponse(answer.statusCode(), answer.headers(), answer.body()));
        // The JDK's own timeout stops at the response headers: a body that trickles in must not hold an attempt longer.
        request.timeout().ifPresent(timeout -> response.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS));
        // Whatever ends the response early (that timeout, a cancelled or closed call) ends the exchange and its connection.
        response.whenComplete((answer, error) -> {
            if (error != null) {
                exchange.cancel(true);
            }
        });
        return response;
    }
}
