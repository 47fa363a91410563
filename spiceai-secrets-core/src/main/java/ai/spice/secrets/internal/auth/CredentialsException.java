package ai.spice.secrets.internal.auth;

import ai.spice.secrets.errors.SpiceException;

/** A credential could not be obtained from a user-supplied provider, or cannot be sent; never retried. */
public final class CredentialsException extends SpiceException {

    private static final long serialVersionUID = 1L;

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
