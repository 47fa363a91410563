package ai.spice.secrets.errors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error status. The subclass names the status; the accessors give what the API said.
 */
public abstract class SpiceServiceException extends SpiceException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SERVER_TEXT = 300;

    private final transient ServiceError error;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error what the API said
     */
    protected SpiceServiceException(ServiceError error) {
        super(message(error), null);
        this.error = error;
    }

    /**
     * The HTTP status of the response.
     *
     * @return the status code
     */
    public int statusCode() {
        return error.statusCode();
    }

    /**
     * The {@code error} text of the response body, or the status's reason phrase if the body had none.
     *
     * @return the server's message
     */
    public String serverMessage() {
        return error.serverMessage();
    }

    /**
     * The {@code code} of the response body, such as {@code insufficient_scope}.
     *
     * @return the error code, or empty if the body had none
     */
    public Optional<String> errorCode() {
        return error.errorCode();
    }

    /**
     * The per-field messages of a validation failure ({@code details.fieldErrors}).
     *
     * @return field name to messages; empty if none
     */
    public Map<String, List<String>> fieldErrors() {
        return error.fieldErrors();
    }

    /**
     * The request id the API gave in {@code x-request-id} (or {@code x-vercel-id}): quote it to Spice support.
     *
     * @return the request id, or empty if absent
     */
    public Optional<String> requestId() {
        return error.requestId();
    }

    /**
     * Everything the API said, in one value.
     *
     * @return the error details
     */
    public ServiceError error() {
        return error;
    }

    private static String message(ServiceError error) {
        StringBuilder message = new StringBuilder()
                .append(error.statusCode()).append(" on ").append(error.method()).append(' ').append(error.path())
                .append(": ").append(printable(error.serverMessage()));
        error.errorCode().ifPresent(code -> message.append(" (code ").append(printable(code)).append(')'));
        if (!error.fieldErrors().isEmpty()) {
            message.append(" fields ").append(printable(String.valueOf(error.fieldErrors().keySet())));
        }
        error.requestId().ifPresent(id -> message.append(" [request id ").append(printable(id)).append(']'));
        return message.toString();
    }

    /** Server text goes into messages and logs: keep it short and on one line. */
    private static String printable(String text) {
        String shortened = text.length() > MAX_SERVER_TEXT ? text.substring(0, MAX_SERVER_TEXT) + "..." : text;
        return shortened.replaceAll("\\p{Cntrl}", " ");
    }
}
