package ai.spice.secrets.benchmarks;

import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.benchmarks.server.Endpoint;
import java.util.List;

/**
 * The SDK as its README shows it: a {@code SecretsClient} with every default, called through its synchronous view or
 * through {@code async()} with each future joined at once ({@link ClientKind#SDK_ASYNC}).
 */
final class SdkDriver implements Driver {

    /** Which of the client's two views the calls go through. */
    enum View { SYNC, ASYNC }

    private final SecretsClient client;
    private final AsyncSecretsClient async;

    SdkDriver(Endpoint endpoint, View view) {
        this.client = SecretsClient.builder().baseUrl(endpoint.baseUrl()).token(endpoint.token()).build();
        this.async = view == View.ASYNC ? client.async() : null;
    }

    @Override
    public Object get(long appId, String name) {
        return async == null ? client.get(appId, name) : async.get(appId, name).join();
    }

    @Override
    public Object list(long appId) {
        return async == null ? client.list(appId) : async.list(appId).join();
    }

    @Override
    public Object upsert(long appId, String name, String value) {
        return async == null ? client.upsert(appId, name, value) : async.upsert(appId, name, value).join();
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
