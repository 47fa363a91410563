package ai.spice.secrets.errors;

/**
 * The API answered 400 Bad Request: an invalid body or app id. {@link #fieldErrors()} holds the per-field messages of a validation failure.
 */
public class BadRequestException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error what the API said
     */
    public BadRequestException(ServiceError error) {
        super(error);
    }
}
