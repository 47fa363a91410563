package ai.spice.secrets.errors;

/**
 * The API (or the OAuth token endpoint) answered 401 Unauthorized: the credential is missing, malformed, expired or revoked.
 */
public class UnauthorizedException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error what the API said
     */
    public UnauthorizedException(ServiceError error) {
        super(error);
    }
}
