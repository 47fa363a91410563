package ai.spice.secrets.testkit.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the handlers see it, already read off the wire.
 *
 * @param method  the upper-case HTTP method
 * @param path    the raw (still percent-encoded) path, without the query
 * @param headers the request headers, names in lower case
 * @param body    the request body, empty when there is none
 */
public record ApiRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {

    /** Checks and copies the components. */
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(body, "body");
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return the value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }
}
