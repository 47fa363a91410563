package ai.spice.secrets.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/oauth/token}: the OAuth 2.0 client-credentials grant. Takes the parameters as JSON (as
 * Spice's docs show) or form-encoded (as the Terraform provider sends them), and the client credentials in
 * the body or as HTTP Basic.
 */
final class OAuthHandler {

    static final String PATH = "/api/oauth/token";

    private final ClientRegistry clients;
    private final TokenRegistry tokens;
    private final Duration tokenLifetime;

    OAuthHandler(ClientRegistry clients, TokenRegistry tokens, Duration tokenLifetime) {
        this.clients = clients;
        this.tokens = tokens;
        this.tokenLifetime = tokenLifetime;
    }

    ApiResponse handle(ApiRequest request) throws RejectedRequest {
        if (!"POST".equals(request.method())) {
            return ApiResponse.methodNotAllowed("POST");
        }
        Map<String, String> params = parameters(request);
        basicCredentials(request).ifPresent(basic -> {
            params.putIfAbsent("client_id", basic[0]);
            params.putIfAbsent("client_secret", basic[1]);
        });
        String grantType = params.get("grant_type");
        if (grantType == null) {
            throw RejectedRequest.of(400, "invalid_request");
        }
        if (!"client_credentials".equals(grantType)) {
            throw RejectedRequest.of(400, "unsupported_grant_type");
        }
        String id = params.getOrDefault("client_id", "");
        String secret = params.getOrDefault("client_secret", "");
        ClientRegistry.Client client = clients.authenticate(id, secret)
                .orElseThrow(() -> RejectedRequest.of(401, "invalid_client"));
        String token = tokens.issue(client.scopes(), Optional.of(tokenLifetime), Membership.client(client.org()));
        return ApiResponse.json(200, Json.object()
                        .put("access_token", token)
                        .put("token_type", "Bearer")
                        .put("expires_in", tokenLifetime.toSeconds()))
                .withHeaders(Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }

    private static Map<String, String> parameters(ApiRequest request) throws RejectedRequest {
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String body = new String(request.body(), StandardCharsets.UTF_8);
        boolean json = contentType.contains("json")
                || (!contentType.contains("x-www-form-urlencoded") && body.stripLeading().startsWith("{"));
        return json ? jsonParameters(request.body()) : formParameters(body);
    }

    private static Map<String, String> jsonParameters(byte[] body) throws RejectedRequest {
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (IOException e) {
            throw RejectedRequest.of(400, "invalid_request");
        }
        if (root == null || !root.isObject()) {
            throw RejectedRequest.of(400, "invalid_request");
        }
        Map<String, String> params = new HashMap<>();
        root.properties().forEach(field -> {
            if (field.getValue().isTextual()) {
                params.put(field.getKey(), field.getValue().textValue());
            }
        });
        return params;
    }

    private static Map<String, String> formParameters(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(decode(key), decode(value));
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** {@code Authorization: Basic base64(id:secret)}, the other client authentication RFC 6749 allows. */
    private static Optional<String[]> basicCredentials(ApiRequest request) {
        return request.header("Authorization")
                .filter(header -> header.regionMatches(true, 0, "Basic ", 0, 6))
                .flatMap(header -> {
                    try {
                        String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                                StandardCharsets.UTF_8);
                        int colon = pair.indexOf(':');
                        return colon < 0 ? Optional.empty()
                                : Optional.of(new String[] {decode(pair.substring(0, colon)), decode(pair.substring(colon + 1))});
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
    }
}
