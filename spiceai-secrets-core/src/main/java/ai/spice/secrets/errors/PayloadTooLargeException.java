package ai.spice.secrets.errors;

/**
 * The API answered 413 Payload Too Large: the request body exceeds the service's limit (1 MiB). Not retried: the same
 * body would be refused again. The SDK checks an upsert's body against {@code SecretsClient.Builder.maxRequestBytes}
 * before sending it ({@link SecretTooLargeException}), so this means the service's limit is lower than the client's.
 */
public class PayloadTooLargeException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error what the API said
     */
    public PayloadTooLargeException(ServiceError error) {
        super(error);
    }
}
