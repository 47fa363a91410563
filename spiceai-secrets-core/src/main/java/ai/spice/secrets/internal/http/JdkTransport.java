package ai.spice.secrets.internal.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The transport on the JDK's {@link HttpClient}, reading at most {@code maxResponseBytes} of each body. */
public final class JdkTransport implements Transport {

    private final HttpClient client;
    /** The client's executor when the SDK built the client (it counts the exchanges in flight); else null. */
    private final ExchangeExecutor executor;
    private final long maxResponseBytes;
    /** Made once: a handler that captures nothing of the call. */
    private final HttpResponse.BodyHandler<byte[]> capped;

    /** @param executor {@code client}'s executor if the SDK built it, or null for an application's client */
    public JdkTransport(HttpClient client, ExchangeExecutor executor, long maxResponseBytes) {
        this.client = client;
        this.executor = executor;
        this.maxResponseBytes = maxResponseBytes;
        this.capped = info -> CappedBodySubscriber.of(info, this.maxResponseBytes);
    }

    @Override
    public CompletableFuture<RawResponse> send(HttpRequest request, Duration timeout) {
        started();
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = client.sendAsync(request, capped);
        } catch (RuntimeException refused) {
            ended();
            throw refused;
        }
        exchange.whenComplete((answer, error) -> ended());
        CompletableFuture<RawResponse> response =
                exchange.thenApply(answer -> new RawResponse(answer.statusCode(), answer.headers(), answer.body()));
        // The whole response is bounded here: the JDK's own timeout would stop at the headers, so a body that trickles in
        // could hold an attempt longer (and API requests carry none, see RequestFactory).
        if (timeout != null) {
            response.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        // Whatever ends the response early (that timeout, a cancelled or closed call) ends the exchange and its connection.
        response.whenComplete((answer, error) -> {
            if (error != null) {
                exchange.cancel(true);
            }
        });
        return response;
    }

    /**
     * {@code HttpClient.send}, which hands the answer straight back; {@code sendAsync} always passes it through
     * {@code CompletableFuture}'s default executor, a new thread per answer where the common pool has one thread (2
     * cores or fewer), which doubled the cost of a small call.
     */
    @Override
    public RawResponse sendAndWait(HttpRequest request) throws IOException, InterruptedException {
        started();
        try {
            HttpResponse<byte[]> answer = client.send(request, capped);
            return new RawResponse(answer.statusCode(), answer.headers(), answer.body());
        } catch (IOException e) {
            // send() wraps what the body subscriber threw; the cap's own exception decides the retry rule
            if (e.getCause() instanceof ResponseTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw e;
        } finally {
            ended();
        }
    }

    private void started() {
        if (executor != null) {
            executor.exchangeStarted();
        }
    }

    private void ended() {
        if (executor != null) {
            executor.exchangeEnded();
        }
    }
}
