package ai.spice.secrets.testkit.internal;

import java.util.regex.Pattern;

/**
 * The four secrets operations under {@code /v1/apps/{appId}/secrets} (and the {@code /v1/projects} alias).
 * Checks run in the service's order: method, credential and scope, app id, app, then body.
 */
final class SecretsHandler {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private final SecretStore store;
    private final BearerAuth auth;

    SecretsHandler(SecretStore store, BearerAuth auth) {
        this.store = store;
        this.auth = auth;
    }

    ApiResponse handle(ApiRequest request, ApiPath path) throws RejectedRequest {
        boolean collection = path.kind() == ApiPath.Kind.SECRETS;
        String method = request.method();
        boolean read = "GET".equals(method);
        boolean write = collection ? "POST".equals(method) : "DELETE".equals(method);
        if (!read && !write) {
            return ApiResponse.methodNotAllowed(collection ? "GET, POST" : "GET, DELETE");
        }
        auth.require(request, read ? BearerAuth.READ : BearerAuth.WRITE);
        long appId = appId(path.appId());
        if (!store.appExists(appId)) {
            throw RejectedRequest.of(404, "App not found");
        }
        if (collection) {
            return read ? list(appId) : upsert(appId, request.body());
        }
        return read ? get(appId, path.secretName()) : delete(appId, path.secretName());
    }

    private ApiResponse list(long appId) {
        return ApiResponse.json(200, Json.secretList(store.list(appId)));
    }

    private ApiResponse get(long appId, String name) throws RejectedRequest {
        StoredSecret secret = store.find(appId, name).orElseThrow(SecretsHandler::secretNotFound);
        return ApiResponse.json(200, Json.secret(secret));
    }

    private ApiResponse upsert(long appId, byte[] body) throws RejectedRequest {
        SecretInputParser.SecretInput input = SecretInputParser.parse(body);
        return ApiResponse.json(200, Json.secret(store.upsert(appId, input.name(), input.value())));
    }

    private ApiResponse delete(long appId, String name) throws RejectedRequest {
        if (!store.delete(appId, name)) {
            throw secretNotFound();
        }
        return ApiResponse.noContent();
    }

    /** A positive decimal integer; anything else (letters, sign, zero, overflow) is 400 Invalid app ID. */
    private static long appId(String segment) throws RejectedRequest {
        if (DIGITS.matcher(segment).matches()) {
            try {
                long id = Long.parseLong(segment);
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException overflow) {
                // falls through to the 400 below
            }
        }
        throw RejectedRequest.of(400, "Invalid app ID");
    }

    private static RejectedRequest secretNotFound() {
        return RejectedRequest.of(404, "Secret not found");
    }
}
