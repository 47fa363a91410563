package ai.spice.secrets.errors;

import java.util.Objects;
import java.util.Optional;

/**
 * The API answered 403 Forbidden: the credential is valid but lacks the scope or role the operation needs.
 */
public class PermissionDeniedException extends SpiceServiceException {

    private static final long serialVersionUID = 1L;

    /** The scope the operation needs, or null if unknown (a field, so kept plain and serializable). */
    private final String requiredScope;

    /**
     * Creates an exception from the API's answer.
     *
     * @param error         what the API said
     * @param requiredScope the scope the operation needs, such as {@code secrets:write}; empty if unknown
     * @throws NullPointerException if {@code requiredScope} is null
     */
    public PermissionDeniedException(ServiceError error, Optional<String> requiredScope) {
        super(error);
        this.requiredScope = Objects.requireNonNull(requiredScope, "requiredScope").orElse(null);
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
