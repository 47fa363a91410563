package ai.spice.secrets.errors;

/**
 * The request could not complete: the connection was refused or reset, the response was broken or empty, the call
 * was interrupted, or the client was closed while the call was in flight.
 */
public class SpiceIoException extends SpiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened
     * @param cause   the underlying failure, or null
     */
    public SpiceIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
