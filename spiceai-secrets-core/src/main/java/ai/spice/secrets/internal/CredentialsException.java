package ai.spice.secrets.internal;

import ai.spice.secrets.errors.SpiceException;

/** A credential could not be obtained from a user-supplied provider, or cannot be sent; never retried. */
final class CredentialsException extends SpiceException {

    private static final long serialVersionUID = 1L;

    CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
