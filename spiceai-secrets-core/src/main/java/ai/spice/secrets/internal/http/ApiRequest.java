package ai.spice.secrets.internal.http;

import ai.spice.secrets.SecretName;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsCall;
import ai.spice.secrets.SecretsOperation;
import ai.spice.secrets.internal.json.Json;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One API call before it has a token: what it is about, the path under the base URL, and the JSON body (or null).
 * The factories check their arguments, so a request that exists is one worth sending. The body holds a secret value:
 * this record's {@code toString} never prints it.
 */
public record ApiRequest(SecretsCall call, String path, byte[] body) {

    private static final String APPS = "/v1/apps/";
    /** Numbers operations for listeners; shared by every client, so ids never repeat within the JVM. */
    private static final AtomicLong OPERATION_IDS = new AtomicLong();

    public static ApiRequest list(long appId) {
        return new ApiRequest(call(SecretsOperation.LIST, checkAppId(appId), null), collection(appId), null);
    }

    public static ApiRequest get(long appId, String name) {
        checkAppId(appId);
        return new ApiRequest(call(SecretsOperation.GET, appId, SecretName.requireValid(name)), item(appId, name), null);
    }

    public static ApiRequest upsert(long appId, String name, SecretValue value) {
        checkAppId(appId);
        SecretName.requireValid(name);
        Objects.requireNonNull(value, "value");
        return new ApiRequest(call(SecretsOperation.UPSERT, appId, name), collection(appId), Json.upsertBody(name, value));
    }

    public static ApiRequest delete(long appId, String name) {
        checkAppId(appId);
        return new ApiRequest(call(SecretsOperation.DELETE, appId, SecretName.requireValid(name)), item(appId, name), null);
    }

    /** The one check of an app id, for single and bulk operations alike. */
    public static long checkAppId(long appId) {
        if (appId <= 0) {
            throw new IllegalArgumentException("appId must be positive, was " + appId);
        }
        return appId;
    }

    public SecretsOperation operation() {
        return call.operation();
    }

    public String method() {
        return call.operation().method();
    }

    @Override
    public String toString() {
        return method() + " " + path;
    }

    private static SecretsCall call(SecretsOperation operation, long appId, String name) {
        return new SecretsCall(operation, appId, Optional.ofNullable(name), OPERATION_IDS.incrementAndGet());
    }

    private static String collection(long appId) {
        return APPS + appId + "/secrets";
    }

    private static String item(long appId, String name) {
        return collection(appId) + "/" + PathSegment.encode(name);
    }
}
