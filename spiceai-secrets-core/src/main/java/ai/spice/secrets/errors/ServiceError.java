package ai.spice.secrets.errors;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the API said when it answered with an error status, as carried by a {@link SpiceServiceException}. Public so
 * that tests of your own code can build the SDK's exceptions.
 *
 * @param statusCode    the HTTP status
 * @param method        the request's HTTP method
 * @param path          the request's path, for example {@code /v1/apps/42/secrets/DB_URL}
 * @param serverMessage the {@code error} text of the response body; the status's reason phrase if the body had none
 * @param errorCode     the {@code code} of the response body; empty if it had none
 * @param fieldErrors   the {@code details.fieldErrors} of a validation failure; empty if none
 * @param requestId     the {@code x-request-id} (or {@code x-vercel-id}) response header; empty if absent
 */
public record ServiceError(int statusCode, String method, String path, String serverMessage, Optional<String> errorCode,
                           Map<String, List<String>> fieldErrors, Optional<String> requestId) {

    /**
     * Checks the required components and copies the field errors.
     *
     * @param statusCode    the HTTP status
     * @param method        the request's HTTP method
     * @param path          the request's path
     * @param serverMessage the server's {@code error} text, or the reason phrase
     * @param errorCode     the server's {@code code}, or empty
     * @param fieldErrors   per-field validation messages; empty if none
     * @param requestId     the request id, or empty
     *
     * @throws NullPointerException if a component is null
     */
    public ServiceError {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(serverMessage, "serverMessage");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(fieldErrors, "fieldErrors");
        Objects.requireNonNull(requestId, "requestId");
        fieldErrors = copy(fieldErrors);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> fieldErrors) {
        var copy = new java.util.LinkedHashMap<String, List<String>>();
        fieldErrors.forEach((field, errors) -> copy.put(field, List.copyOf(errors)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
