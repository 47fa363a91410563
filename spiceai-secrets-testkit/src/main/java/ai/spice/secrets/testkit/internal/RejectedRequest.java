package ai.spice.secrets.testkit.internal;

/**
 * Thrown by a handler step that refuses the request; carries the error response to send.
 * It keeps every handler a straight line of checks instead of nested if/else.
 */
final class RejectedRequest extends Exception {

    private final transient ApiResponse response;

    RejectedRequest(ApiResponse response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    static RejectedRequest of(int status, String message) {
        return new RejectedRequest(ApiResponse.error(status, message));
    }

    /** An error with a machine-readable {@code code} beside the message, as authorization refusals carry. */
    static RejectedRequest of(int status, String message, String code) {
        return new RejectedRequest(ApiResponse.json(status, Json.error(message).put("code", code)));
    }

    ApiResponse response() {
        return response;
    }
}
