package ai.spice.secrets.errors;

/**
 * The API answered with a 5xx status: a failure on the service's side. 500, 502, 503 and 504 are retried by the default policy before this is thrown.
 */
public class InternalServerException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error what the API said
     */
    public InternalServerException(ServiceError error) {
        super(error);
    }
}
