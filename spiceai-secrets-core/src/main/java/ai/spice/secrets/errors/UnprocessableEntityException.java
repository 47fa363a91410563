package ai.spice.secrets.errors;

/**
 * The API answered 422 Unprocessable Entity.
 */
public class UnprocessableEntityException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error what the API said
     */
    public UnprocessableEntityException(ServiceError error) {
        super(error);
    }
}
