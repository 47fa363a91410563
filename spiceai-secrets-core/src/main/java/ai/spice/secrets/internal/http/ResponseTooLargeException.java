package ai.spice.secrets.internal.http;

import java.io.IOException;

/** A response body over the configured cap; never retried, since the same response would come again. */
public final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(long cap) {
        super("response body larger than the " + cap + "-byte cap (SecretsClient.Builder.maxResponseBytes)");
    }
}
