package ai.spice.secrets.testkit.internal;

import ai.spice.secrets.testkit.OrgRole;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a {@code /v1} request's credential in the service's order: the {@code Authorization: Bearer} token, the
 * scope, the organization ({@code X-Org-Name}), then the role there.
 */
final class BearerAuth {

    static final String READ = "secrets:read";
    static final String WRITE = "secrets:write";
    static final String APPS_READ = "apps:read";
    static final String ALL = "*";

    private static final Pattern BEARER = Pattern.compile("(?i)Bearer +(\\S+) *");

    private final TokenRegistry tokens;
    private final OrgAssertion orgs;
    private final int expiredStatus;

    /**
     * @param expiredStatus the status of a request with an expired token: 401 {@code Token expired}, or 410
     *                      {@code The token or resource has expired}
     */
    BearerAuth(TokenRegistry tokens, OrgAssertion orgs, int expiredStatus) {
        this.tokens = tokens;
        this.orgs = orgs;
        this.expiredStatus = expiredStatus;
    }

    /**
     * Passes when the request carries a live token with the scope, acting on an organization where its role is
     * {@code role} or higher.
     *
     * @return the caller and the organization it acts on
     * @throws RejectedRequest 401 for a missing, malformed, unknown, revoked or expired token (410 when so set);
     *                         403 {@code insufficient_scope} without the scope; the {@link OrgAssertion} answers;
     *                         403 {@code forbidden} for a role below {@code role}
     */
    Caller require(ApiRequest request, String scope, OrgRole role) throws RejectedRequest {
        String header = request.header("Authorization")
                .orElseThrow(() -> RejectedRequest.of(401, "Missing Authorization header"));
        Matcher matcher = BEARER.matcher(header);
        if (!matcher.matches()) {
            throw RejectedRequest.of(401, "Invalid token format");
        }
        TokenRegistry.Grant grant = tokens.find(matcher.group(1))
                .orElseThrow(() -> RejectedRequest.of(401, "Invalid token"));
        if (tokens.expired(grant)) {
            throw RejectedRequest.of(expiredStatus, expiredStatus == 410 ? "The token or resource has expired"
                    : "Token expired");
        }
        if (!allows(grant.scopes(), scope)) {
            throw RejectedRequest.of(403, "Insufficient scope. Required: " + scope, "insufficient_scope");
        }
        Caller caller = orgs.resolve(request.header(OrgAssertion.HEADER), grant.membership());
        requireRole(caller.role(), role);
        return caller;
    }

    /** @throws RejectedRequest 403 {@code forbidden} when {@code actual} is below {@code needed} */
    static void requireRole(OrgRole actual, OrgRole needed) throws RejectedRequest {
        if (!actual.atLeast(needed)) {
            throw RejectedRequest.of(403, "Your role in this organization does not allow this. Required: "
                    + needed.wireName(), "forbidden");
        }
    }

    /** {@code *} allows everything; {@code secrets:write} implies {@code secrets:read}. */
    static boolean allows(Set<String> granted, String required) {
        return granted.contains(ALL)
                || granted.contains(required)
                || (READ.equals(required) && granted.contains(WRITE));
    }
}
