package ai.spice.secrets.internal.http;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends one HTTP request; the only place the SDK touches the network. */
public interface Transport {

    /**
     * Sends the request, bounded by its own timeout. The future fails with the transport's own exception (an
     * {@code IOException}, a {@link ResponseTooLargeException}); mapping to SDK exceptions happens in the caller.
     */
    default CompletableFuture<RawResponse> send(HttpRequest request) {
        return send(request, request.timeout().orElse(null));
    }

    /**
     * Sends the request; the future fails with a {@code TimeoutException} if the whole response (headers and body)
     * has not come within {@code timeout}, and the exchange is then abandoned.
     *
     * @param timeout the bound of the whole response, or null for none
     */
    CompletableFuture<RawResponse> send(HttpRequest request, Duration timeout);

    /**
     * Sends the request and waits for the whole answer on the calling thread: a synchronous call's first attempt.
     *
     * @throws IOException          the transport's failure ({@link ResponseTooLargeException} included)
     * @throws InterruptedException if the thread was interrupted while waiting; the exchange is then abandoned
     */
    RawResponse sendAndWait(HttpRequest request) throws IOException, InterruptedException;
}
