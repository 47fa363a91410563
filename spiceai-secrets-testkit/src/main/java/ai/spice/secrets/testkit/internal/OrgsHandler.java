package ai.spice.secrets.testkit.internal;

import ai.spice.secrets.testkit.OrgRole;
import java.util.Map;

/**
 * {@code GET /v1/orgs}: the organizations the token's holder belongs to, with its role in each (an OAuth client:
 * its own, as owner); an empty list, never 404, when there are none. Scope {@code apps:read}. {@code X-Org-Name}
 * is checked as on every other route, but does not narrow the list.
 */
final class OrgsHandler implements RouteHandler {

    private final OrgDirectory orgs;
    private final BearerAuth auth;

    OrgsHandler(OrgDirectory orgs, BearerAuth auth) {
        this.orgs = orgs;
        this.auth = auth;
    }

    @Override
    public ApiResponse handle(ApiRequest request, ApiPath path) throws RejectedRequest {
        if (!"GET".equals(request.method())) {
            return ApiResponse.methodNotAllowed("GET");
        }
        Caller caller = auth.require(request, BearerAuth.APPS_READ, OrgRole.VIEWER);
        return ApiResponse.json(200, ManagementJson.orgList(caller.membership().roles().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(role -> orgs.find(role.getKey()).map(org -> ManagementJson.org(org, role.getValue())).stream())
                .toList()));
    }
}
