package ai.spice.secrets.internal;

/** The four API operations, with the HTTP method and the scope each needs. */
enum Operation {
    LIST("GET", "secrets:read"),
    GET("GET", "secrets:read"),
    UPSERT("POST", "secrets:write"),
    DELETE("DELETE", "secrets:write");

    private final String method;
    private final String requiredScope;

    Operation(String method, String requiredScope) {
        this.method = method;
        this.requiredScope = requiredScope;
    }

    String method() {
        return method;
    }

    String requiredScope() {
        return requiredScope;
    }
}
