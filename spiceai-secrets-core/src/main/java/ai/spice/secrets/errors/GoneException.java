package ai.spice.secrets.errors;

/**
 * The API answered 410 Gone: "the token or resource has expired". Not retried: get a new token (or check that the
 * resource still exists) and try again.
 */
public class GoneException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error what the API said
     */
    public GoneException(ServiceError error) {
        super(error);
    }
}
