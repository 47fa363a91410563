package ai.spice.secrets.benchmarks;

import ai.spice.secrets.benchmarks.floor.FloorClient;
import ai.spice.secrets.benchmarks.server.Endpoint;
import java.util.concurrent.Executor;

final class FloorDriver implements Driver {

    private final FloorClient client;

    /** @param executor the JDK client's executor, or null for the JDK's default */
    FloorDriver(Endpoint endpoint, FloorClient.Sending sending, Executor executor) {
        client = new FloorClient(endpoint.baseUrl(), endpoint.token(), sending, executor);
    }

    @Override
    public Object get(long appId, String name) {
        return client.get(appId, name);
    }

    @Override
    public Object list(long appId) {
        return client.list(appId);
    }

    @Override
    public Object upsert(long appId, String name, String value) {
        return client.upsert(appId, name, value);
    }

    @Override
    public int size(Object listResult) {
        return ((FloorClient.SecretList) listResult).secrets().size();
    }

    @Override
    public void close() {
        // nothing to release: the JDK 17 HttpClient has no close()
    }
}
