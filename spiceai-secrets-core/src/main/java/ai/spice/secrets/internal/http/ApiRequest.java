package ai.spice.secrets.internal.http;

import ai.spice.secrets.ApiPaths;
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

    /** Numbers operations for listeners; shared by every client, so ids never repeat within the JVM. */
    private static final AtomicLong OPERATION_IDS = new AtomicLong();

    public static ApiRequest list(ApiPaths paths, long appId) {
        return new ApiRequest(call(SecretsOperation.LIST, checkAppId(appId), null), collection(paths, appId), null);
    }

    public static ApiRequest get(ApiPaths paths, long appId, String name) {
        checkAppId(appId);
        return new ApiRequest(call(SecretsOperation.GET, appId, SecretName.requireValid(name)),
                item(paths, appId, name), null);
    }

    public static ApiRequest upsert(ApiPaths paths, long appId, String name, SecretValue value) {
        checkAppId(appId);
        SecretName.requireValid(name);
        Objects.requireNonNull(value, "value");
        return new ApiRequest(call(SecretsOperation.UPSERT, appId, name), collection(paths, appId),
                Json.upsertBody(name, value));
    }

    public static ApiRequest delete(ApiPaths paths, long appId, String name) {
        checkAppId(appId);
        return new ApiRequest(call(SecretsOperation.DELETE, appId, SecretName.requireValid(name)),
                item(paths, appId, name), null);
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

    private static String collection(ApiPaths paths, long appId) {
        return paths.root() + appId + "/secrets";
    }

    private static String item(ApiPaths paths, long appId, String name) {
        return collection(paths, appId) + "/" + PathSegment.encode(name);
    }
}
