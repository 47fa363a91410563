package ai.spice.secrets.errors;

/**
 * Every failure the SDK reports, after retries: the API answered with an error status
 * ({@link SpiceServiceException}), the request could not complete ({@link SpiceIoException}), or a successful
 * response could not be read ({@link SpiceInvalidDataException}). Caller mistakes are not {@code SpiceException}s:
 * they are {@link IllegalArgumentException}s and {@link NullPointerException}s thrown before any request.
 *
 * <p>When retries run out, the last failure is thrown and the earlier ones are attached as
 * {@linkplain Throwable#getSuppressed() suppressed} exceptions.
 */
public abstract class SpiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened; never a secret value or token
     * @param cause   the underlying failure, or null
     */
    protected SpiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
