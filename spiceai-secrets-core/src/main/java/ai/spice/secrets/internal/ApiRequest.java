package ai.spice.secrets.internal;

import ai.spice.secrets.SecretsCall;
import ai.spice.secrets.SecretsOperation;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One API call before it has a token: what it is about, the path under the base URL, and the JSON body (or null).
 * The body holds a secret value: this record's {@code toString} never prints it.
 */
record ApiRequest(SecretsCall call, String path, byte[] body) {

    private static final String APPS = "/v1/apps/";
    /** Numbers operations for listeners; shared by every client, so ids never repeat within the JVM. */
    private static final AtomicLong OPERATION_IDS = new AtomicLong();

    static ApiRequest list(long appId) {
        return new ApiRequest(new SecretsCall(SecretsOperation.LIST, appId, Optional.empty(), OPERATION_IDS.incrementAndGet()), collection(appId), null);
    }

    static ApiRequest get(long appId, String name) {
        return new ApiRequest(new SecretsCall(SecretsOperation.GET, appId, Optional.of(name), OPERATION_IDS.incrementAndGet()), item(appId, name), null);
    }

    static ApiRequest upsert(long appId, String name, byte[] body) {
        return new ApiRequest(new SecretsCall(SecretsOperation.UPSERT, appId, Optional.of(name), OPERATION_IDS.incrementAndGet()), collection(appId), body);
    }

    static ApiRequest delete(long appId, String name) {
        return new ApiRequest(new SecretsCall(SecretsOperation.DELETE, appId, Optional.of(name), OPERATION_IDS.incrementAndGet()), item(appId, name), null);
    }

    SecretsOperation operation() {
        return call.operation();
    }

    String method() {
        return call.operation().method();
    }

    @Override
    public String toString() {
        return method() + " " + path;
    }

    private static String collection(long appId) {
        return APPS + appId + "/secrets";
    }

    private static String item(long appId, String name) {
        return collection(appId) + "/" + PathSegment.encode(name);
    }
}
