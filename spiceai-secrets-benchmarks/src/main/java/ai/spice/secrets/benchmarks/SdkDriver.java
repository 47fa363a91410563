package ai.spice.secrets.benchmarks;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.benchmarks.server.Endpoint;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * The SDK as its README shows it: a {@code SecretsClient} with every default; or, for {@link ClientKind#SDK_SEND},
 * with the {@link SendOnCallerThread} prototype as its HTTP client (the same settings the SDK gives its own).
 */
final class SdkDriver implements Driver {

    private final SecretsClient client;
    private final boolean sendOnCallerThread;

    SdkDriver(Endpoint endpoint, boolean sendOnCallerThread) {
        SecretsClient.Builder builder = SecretsClient.builder().baseUrl(endpoint.baseUrl()).token(endpoint.token());
        if (sendOnCallerThread) {
            builder.httpClient(new SendOnCallerThread(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build()));
        }
        this.client = builder.build();
        this.sendOnCallerThread = sendOnCallerThread;
    }

    @Override
    public Object get(long appId, String name) {
        return sendOnCallerThread ? SendOnCallerThread.call(() -> client.get(appId, name)) : client.get(appId, name);
    }

    @Override
    public Object list(long appId) {
        return sendOnCallerThread ? SendOnCallerThread.call(() -> client.list(appId)) : client.list(appId);
    }

    @Override
    public Object upsert(long appId, String name, String value) {
        return sendOnCallerThread ? SendOnCallerThread.call(() -> client.upsert(appId, name, value))
                : client.upsert(appId, name, value);
    }

    @Override
    public int size(Object listResult) {
        return ((List<?>) listResult).size();
    }

    @Override
    public void close() {
        client.close();
    }
}
