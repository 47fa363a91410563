package ai.spice.secrets;

/**
 * The four API operations, as listeners see them. {@code find} is a {@link #GET} and {@code deleteIfExists} a
 * {@link #DELETE}.
 */
public enum SecretsOperation {
    /** {@code GET /v1/apps/{appId}/secrets}, scope {@code secrets:read}. */
    LIST("GET", "/v1/apps/{appId}/secrets", "secrets:read"),
    /** {@code GET /v1/apps/{appId}/secrets/{secretName}}, scope {@code secrets:read}. */
    GET("GET", "/v1/apps/{appId}/secrets/{secretName}", "secrets:read"),
    /** {@code POST /v1/apps/{appId}/secrets}, scope {@code secrets:write}. */
    UPSERT("POST", "/v1/apps/{appId}/secrets", "secrets:write"),
    /** {@code DELETE /v1/apps/{appId}/secrets/{secretName}}, scope {@code secrets:write}. */
    DELETE("DELETE", "/v1/apps/{appId}/secrets/{secretName}", "secrets:write");

    private final String method;
    private final String pathTemplate;
    private final String requiredScope;

    SecretsOperation(String method, String pathTemplate, String requiredScope) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.requiredScope = requiredScope;
    }

    /**
     * The HTTP method.
     *
     * @return {@code GET}, {@code POST} or {@code DELETE}
     */
    public String method() {
        return method;
    }

    /**
     * The path with placeholders, fit for a metric tag or a span name.
     *
     * @return for example {@code /v1/apps/{appId}/secrets}
     */
    public String pathTemplate() {
        return pathTemplate;
    }

    /**
     * The scope a credential needs for this operation.
     *
     * @return {@code secrets:read} or {@code secrets:write}
     */
    public String requiredScope() {
        return requiredScope;
    }
}
