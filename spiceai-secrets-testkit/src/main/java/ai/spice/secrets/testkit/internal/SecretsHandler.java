package ai.spice.secrets.testkit.internal;

import ai.spice.secrets.testkit.OrgRole;

/**
 * The four secrets operations under {@code /v1/apps/{appId}/secrets} (and the {@code /v1/projects} alias).
 * Checks run in the service's order: method, credential, scope, organization and role, app id, app, then body.
 */
final class SecretsHandler implements RouteHandler {

    private final SecretStore store;
    private final BearerAuth auth;
    private final ProjectLookup projects;
    private final SecretInputParser parser;

    SecretsHandler(SecretStore store, BearerAuth auth, ProjectLookup projects, SecretInputParser parser) {
        this.store = store;
        this.auth = auth;
        this.projects = projects;
        this.parser = parser;
    }

    @Override
    public ApiResponse handle(ApiRequest request, ApiPath path) throws RejectedRequest {
        boolean collection = path.kind() == ApiPath.Kind.SECRETS;
        String method = request.method();
        boolean read = "GET".equals(method);
        boolean write = collection ? "POST".equals(method) : "DELETE".equals(method);
        if (!read && !write) {
            return ApiResponse.methodNotAllowed(collection ? "GET, POST" : "GET, DELETE");
        }
        Caller caller = read ? auth.require(request, BearerAuth.READ, OrgRole.VIEWER)
                : auth.require(request, BearerAuth.WRITE, OrgRole.MEMBER);
        long appId = projects.require(path, caller).id();
        if (collection) {
            return read ? list(appId) : upsert(appId, request.body());
        }
        return read ? get(appId, path.name()) : delete(appId, path.name());
    }

    private ApiResponse list(long appId) {
        return ApiResponse.json(200, Json.secretList(store.list(appId)));
    }

    private ApiResponse get(long appId, String name) throws RejectedRequest {
        StoredSecret secret = store.find(appId, name).orElseThrow(SecretsHandler::secretNotFound);
        return ApiResponse.json(200, Json.secret(secret));
    }

    private ApiResponse upsert(long appId, byte[] body) throws RejectedRequest {
        SecretInputParser.SecretInput input = parser.parse(body);
        return ApiResponse.json(200, Json.secret(store.upsert(appId, input.name(), input.value())));
    }

    private ApiResponse delete(long appId, String name) throws RejectedRequest {
        if (!store.delete(appId, name)) {
            throw secretNotFound();
        }
        return ApiResponse.noContent();
    }

    private static RejectedRequest secretNotFound() {
        return RejectedRequest.of(404, "Secret not found");
    }
}
