package ai.spice.secrets.testkit.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks the {@code Authorization: Bearer} header of a {@code /v1} request and the scope it needs. */
final class BearerAuth {

    static final String READ = "secrets:read";
    static final String WRITE = "secrets:write";
    static final String ALL = "*";

    private static final Pattern BEARER = Pattern.compile("(?i)Bearer +(\\S+) *");

    private final TokenRegistry tokens;

    BearerAuth(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    /**
     * Passes when the request carries a live token with the required scope.
     *
     * @throws RejectedRequest 401 for a missing, malformed, unknown, revoked or expired token; 403 without the scope
     */
    void require(ApiRequest request, String scope) throws RejectedRequest {
        String header = request.header("Authorization")
                .orElseThrow(() -> RejectedRequest.of(401, "Missing Authorization header"));
        Matcher matcher = BEARER.matcher(header);
        if (!matcher.matches()) {
            throw RejectedRequest.of(401, "Invalid token format");
        }
        TokenRegistry.Grant grant = tokens.find(matcher.group(1))
                .orElseThrow(() -> RejectedRequest.of(401, "Invalid token"));
        if (tokens.expired(grant)) {
            throw RejectedRequest.of(401, "Token expired");
        }
        if (!allows(grant.scopes(), scope)) {
            throw new RejectedRequest(ApiResponse.json(403, Json.error("Insufficient scope. Required: " + scope)
                    .put("code", "insufficient_scope")));
        }
    }

    /** {@code *} allows everything; {@code secrets:write} implies {@code secrets:read}. */
    static boolean allows(Set<String> granted, String required) {
        return granted.contains(ALL)
                || granted.contains(required)
                || (READ.equals(required) && granted.contains(WRITE));
    }
}
