package ai.spice.secrets.internal;

/**
 * One API call before it has a token: the operation, the path under the base URL, and the JSON body (or null).
 * The body holds a secret value: this record's {@code toString} never prints it.
 */
record ApiRequest(Operation operation, String path, byte[] body) {

    private static final String APPS = "/v1/apps/";

    static ApiRequest list(long appId) {
        return new ApiRequest(Operation.LIST, collection(appId), null);
    }

    static ApiRequest get(long appId, String name) {
        return new ApiRequest(Operation.GET, item(appId, name), null);
    }

    static ApiRequest upsert(long appId, byte[] body) {
        return new ApiRequest(Operation.UPSERT, collection(appId), body);
    }

    static ApiRequest delete(long appId, String name) {
        return new ApiRequest(Operation.DELETE, item(appId, name), null);
    }

    String method() {
        return operation.method();
    }

    @Override
    public String toString() {
        return operation.method() + " " + path;
    }

    private static String collection(long appId) {
        return APPS + appId + "/secrets";
    }

    private static String item(long appId, String name) {
        return collection(appId) + "/" + PathSegment.encode(name);
    }
}
