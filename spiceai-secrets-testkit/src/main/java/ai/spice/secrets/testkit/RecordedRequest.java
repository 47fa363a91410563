package ai.spice.secrets.testkit;

import ai.spice.secrets.testkit.internal.Headers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the emulator received, for assertions on what a client sent (retries, headers). Bodies are not
 * kept. {@link #toString()} shows the method and path only, so a logged request never shows a token.
 *
 * @param method  the HTTP method, upper case
 * @param path    the raw path as sent (still percent-encoded), without the query
 * @param headers the request headers, names in lower case
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers) {

    /**
     * Checks and copies the components.
     *
     * @param method  the HTTP method, upper case
     * @param path    the raw path as sent, without the query
     * @param headers the request headers, names in lower case
     * @throws NullPointerException if any is null
     */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return the value, or empty when the request did not carry the header
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }

    /**
     * Shows the method and path only.
     *
     * @return {@code RecordedRequest[GET /v1/apps/1/secrets]}
     */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + "]";
    }
}
