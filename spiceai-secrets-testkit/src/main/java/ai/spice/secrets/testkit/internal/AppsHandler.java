package ai.spice.secrets.testkit.internal;

import ai.spice.secrets.testkit.OrgRole;

/**
 * {@code GET /v1/apps}, {@code GET /v1/projects} and one app under either: read-only views of the apps of the
 * organization the caller acts on. Both prefixes reach the same apps; only the list key differs. Checks run in
 * the service's order: method, credential, scope {@code apps:read}, organization, app id, app.
 */
final class AppsHandler implements RouteHandler {

    private final SecretStore store;
    private final OrgDirectory orgs;
    private final BearerAuth auth;
    private final ProjectLookup projects;
    private final boolean orgField;

    /** @param orgField whether app objects carry {@code org}, the handle Spice's CLI matches {@code org/app} on */
    AppsHandler(SecretStore store, OrgDirectory orgs, BearerAuth auth, ProjectLookup projects, boolean orgField) {
        this.store = store;
        this.orgs = orgs;
        this.auth = auth;
        this.projects = projects;
        this.orgField = orgField;
    }

    @Override
    public ApiResponse handle(ApiRequest request, ApiPath path) throws RejectedRequest {
        if (!"GET".equals(request.method())) {
            return ApiResponse.methodNotAllowed("GET");
        }
        Caller caller = auth.require(request, BearerAuth.APPS_READ, OrgRole.VIEWER);
        if (path.kind() == ApiPath.Kind.APPS) {
            String org = orgHandle(caller.org());
            return ApiResponse.json(200, ManagementJson.appList(path.collection(), store.apps(caller.org()).stream()
                    .map(app -> ManagementJson.app(app, org, false)).toList()));
        }
        StoredApp app = projects.require(path, caller);
        return ApiResponse.json(200, ManagementJson.app(app, orgHandle(app.org()), true));
    }

    private String orgHandle(long org) {
        return orgField ? orgs.find(org).map(OrgDirectory.Org::handle).orElseThrow() : "";
    }
}
