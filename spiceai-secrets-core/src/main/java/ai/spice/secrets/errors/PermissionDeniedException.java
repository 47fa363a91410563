package ai.spice.secrets.errors;

import java.util.Optional;

/**
 * The API answered 403 Forbidden: the credential is valid but lacks the scope or role the operation needs.
 */
public class PermissionDeniedException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /** The scope the operation needs, or null if unknown. */
    private final String requiredScope;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error         what the API said
     * @param requiredScope the scope the operation needs, such as {@code secrets:write}, or null if unknown
     */
    public PermissionDeniedException(ServiceError error, String requiredScope) {
        super(error);
        this.requiredScope = requiredScope;
    }

    /**
     * The scope the operation needs: as the server named it ({@code "Required: secrets:write"}), else the scope the
     * SDK knows the operation needs.
     *
     * @return the required scope, or empty if unknown
     */
    public Optional<String> requiredScope() {
        return Optional.ofNullable(requiredScope);
    }
}
