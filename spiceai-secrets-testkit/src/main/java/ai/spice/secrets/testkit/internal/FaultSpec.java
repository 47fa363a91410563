package ai.spice.secrets.testkit.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a fault does to one request; the internal form of the public {@code Fault}.
 *
 * @param kind        what happens
 * @param status      for {@code STATUS}, the status code
 * @param contentType for {@code STATUS}, the body's content type (empty for no body)
 * @param body        for {@code STATUS}, the body
 * @param headers     for {@code STATUS}, extra headers
 * @param delay       for {@code DELAY}, how long to hold the request before serving it normally
 */
public record FaultSpec(Kind kind, int status, String contentType, byte[] body, Map<String, String> headers,
        Duration delay) {

    /** The kinds of fault. */
    public enum Kind {
        /** Answer with a given status, headers and body instead of serving the request. */
        STATUS,
        /** Close the connection without any response; the request is not applied. */
        DROP,
        /** Serve the request (a write is applied), then close the connection without sending the response. */
        DROP_AFTER_APPLY,
        /** Serve the request, send the status and headers and half the body, then close the connection. */
        TRUNCATE,
        /** Wait, then serve the request normally. */
        DELAY
    }

    /** Checks and copies the components. */
    public FaultSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(delay, "delay");
    }

    ApiResponse response() {
        return new ApiResponse(status, contentType, headers, body);
    }
}
