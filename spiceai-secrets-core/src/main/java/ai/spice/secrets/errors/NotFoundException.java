package ai.spice.secrets.errors;

/**
 * The API answered 404 Not Found: the app or the secret does not exist. {@link #serverMessage()} tells which.
 */
public class NotFoundException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error what the API said
     */
    public NotFoundException(ServiceError error) {
        super(error);
    }
}
