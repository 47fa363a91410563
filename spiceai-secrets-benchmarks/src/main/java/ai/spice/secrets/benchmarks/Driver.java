package ai.spice.secrets.benchmarks;

import ai.spice.secrets.benchmarks.floor.FloorClient;
import ai.spice.secrets.benchmarks.server.Endpoint;
import ai.spice.secrets.internal.http.ExchangeExecutor;

/**
 * One client behind the three calls the benchmarks make. Each method returns the client's own typed result, so the
 * work of building it is measured; the one-line forwarding is the same for every client.
 */
public interface Driver extends AutoCloseable {

    Object get(long appId, String name);

    Object list(long appId);

    Object upsert(long appId, String name, String value);

    /** How many secrets a {@link #list} result holds, to check that the call really returned them. */
    int size(Object listResult);

    @Override
    void close();

    static Driver of(ClientKind kind, Endpoint endpoint) {
        return switch (kind) {
            case SDK -> new SdkDriver(endpoint, SdkDriver.View.SYNC);
            case SDK_ASYNC -> new SdkDriver(endpoint, SdkDriver.View.ASYNC);
            case FLOOR -> new FloorDriver(endpoint, FloorClient.Sending.SEND, null);
            case FLOOR_ASYNC -> new FloorDriver(endpoint, FloorClient.Sending.SEND_ASYNC, null);
            case FLOOR_INLINE -> new FloorDriver(endpoint, FloorClient.Sending.SEND, new ExchangeExecutor());
            case PEER -> new PeerDriver(endpoint);
        };
    }
}
