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

    ApiResponse response() {
        return response;
    }
}
