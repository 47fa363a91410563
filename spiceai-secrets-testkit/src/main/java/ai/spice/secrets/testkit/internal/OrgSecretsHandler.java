package ai.spice.secrets.testkit.internal;

import ai.spice.secrets.testkit.OrgRole;

/**
 * Organization secrets as Spice's official tooling (the launch skill's script, the management MCP) uses them; not
 * in Spice's published API, so served only when the emulator is set to. Viewers have no access to organization
 * secrets. Checks run in the same order as on the secrets routes: method, credential, scope, organization and
 * role, id, then the resource.
 * <ul>
 *   <li>{@code GET /v1/orgs/{orgId}/secrets}: the organization's secrets by name ({@code secrets:read}); an
 *       organization the caller does not belong to is 404;</li>
 *   <li>{@code GET /v1/projects/{projectId}/org-secrets}: those linked to the project ({@code secrets:read});</li>
 *   <li>{@code PUT /v1/projects/{projectId}/org-secrets/{name}}: links one, without a body ({@code secrets:write});
 *       201 when new, 200 when it was linked already (neither with a body), 404 when the organization has no such
 *       secret.</li>
 * </ul>
 */
final class OrgSecretsHandler implements RouteHandler {

    private final OrgSecretStore secrets;
    private final BearerAuth auth;
    private final ProjectLookup projects;

    OrgSecretsHandler(OrgSecretStore secrets, BearerAuth auth, ProjectLookup projects) {
        this.secrets = secrets;
        this.auth = auth;
        this.projects = projects;
    }

    @Override
    public ApiResponse handle(ApiRequest request, ApiPath path) throws RejectedRequest {
        boolean link = path.kind() == ApiPath.Kind.LINKED_ORG_SECRET;
        String method = link ? "PUT" : "GET";
        if (!method.equals(request.method())) {
            return ApiResponse.methodNotAllowed(method);
        }
        Caller caller = switch (path.kind()) {
            // The role that counts is the one in the organization of the path, known only after its id.
            case ORG_SECRETS -> auth.require(request, BearerAuth.READ, OrgRole.VIEWER);
            case LINKED_ORG_SECRETS -> auth.require(request, BearerAuth.READ, OrgRole.MEMBER);
            default -> auth.require(request, BearerAuth.WRITE, OrgRole.MEMBER);
        };
        return switch (path.kind()) {
            case ORG_SECRETS -> ofOrganization(path, caller);
            case LINKED_ORG_SECRETS -> ApiResponse.json(200, ManagementJson.orgSecretList("org_secrets",
                    secrets.linked(projects.require(path, caller))));
            default -> link(projects.require(path, caller), path.name());
        };
    }

    private ApiResponse ofOrganization(ApiPath path, Caller caller) throws RejectedRequest {
        long org = PathIds.positive(path.id())
                .orElseThrow(() -> RejectedRequest.of(400, "Invalid organization ID"));
        OrgRole role = caller.membership().role(org)
                .orElseThrow(() -> RejectedRequest.of(404, "Organization not found"));
        BearerAuth.requireRole(role, OrgRole.MEMBER);
        return ApiResponse.json(200, ManagementJson.orgSecretList("secrets", secrets.list(org)));
    }

    /** No body in the answer: none is documented, and the tooling reads only the status. */
    private ApiResponse link(StoredApp project, String name) throws RejectedRequest {
        boolean created = secrets.link(project, name)
                .orElseThrow(() -> RejectedRequest.of(404, "Organization secret not found"));
        return ApiResponse.empty(created ? 201 : 200);
    }
}
