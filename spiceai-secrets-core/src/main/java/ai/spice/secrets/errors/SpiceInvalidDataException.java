package ai.spice.secrets.errors;

/**
 * A successful (2xx) response that the SDK cannot read: not JSON, truncated, missing a field, a field of the wrong
 * type, or larger than the configured response cap.
 */
public class SpiceInvalidDataException extends SpiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was wrong; never the body itself
     * @param cause   the underlying failure, or null
     */
    public SpiceInvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
