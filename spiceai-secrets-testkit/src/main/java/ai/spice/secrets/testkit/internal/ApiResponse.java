package ai.spice.secrets.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP response before it is written, so that a fault can decide not to write it.
 *
 * @param status      the HTTP status code
 * @param contentType the {@code Content-Type}, or empty for a response without a body
 * @param headers     further headers to send
 * @param body        the body bytes, empty for none
 */
public record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    static final String JSON = "application/json";

    /** Checks and copies the components. */
    public ApiResponse {
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(body, "body");
    }

    static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, JSON, Map.of(), Json.bytes(body));
    }

    static ApiResponse error(int status, String message) {
        return json(status, Json.error(message));
    }

    static ApiResponse noContent() {
        return empty(204);
    }

    /** A response with a status and no body. */
    static ApiResponse empty(int status) {
        return new ApiResponse(status, "", Map.of(), new byte[0]);
    }

    static ApiResponse methodNotAllowed(String allow) {
        return error(405, "Method not allowed").withHeader("Allow", allow);
    }

    /** Returns a copy with one more header (replacing one of the same name). */
    ApiResponse withHeader(String name, String value) {
        return withHeaders(Map.of(name, value));
    }

    /** Returns a copy with more headers (replacing those of the same names). */
    ApiResponse withHeaders(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(more);
        return new ApiResponse(status, contentType, merged, body);
    }
}
