package ai.spice.secrets.internal;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/** Sends one HTTP request; the only place the SDK touches the network. */
interface Transport {

    /**
     * Sends the request. The future fails with the transport's own exception (an {@code IOException}, a
     * {@link ResponseTooLargeException}); mapping to SDK exceptions happens in the caller.
     */
    CompletableFuture<RawResponse> send(HttpRequest request);
}
