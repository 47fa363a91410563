package ai.spice.secrets.errors;

/**
 * The API answered with a non-2xx status that has no exception of its own, such as a 3xx redirect (redirects are never followed, so the bearer token never leaves for another host).
 */
public class UnexpectedStatusCodeException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error what the API said
     */
    public UnexpectedStatusCodeException(ServiceError error) {
        super(error);
    }
}
