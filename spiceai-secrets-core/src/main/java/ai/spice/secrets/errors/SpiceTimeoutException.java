package ai.spice.secrets.errors;

/**
 * The connect timeout or the per-attempt request timeout ran out.
 */
public class SpiceTimeoutException extends SpiceIoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened
     * @param cause   the underlying failure, or null
     */
    public SpiceTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
