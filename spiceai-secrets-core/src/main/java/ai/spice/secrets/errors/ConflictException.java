package ai.spice.secrets.errors;

/**
 * The API answered 409 Conflict.
 */
public class ConflictException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error what the API said
     */
    public ConflictException(ServiceError error) {
        super(error);
    }
}
