package ai.spice.secrets.benchmarks;

import ai.spice.secrets.benchmarks.peer.ApiException;
import ai.spice.secrets.benchmarks.peer.api.DefaultApi;
import ai.spice.secrets.benchmarks.peer.model.SecretInput;
import ai.spice.secrets.benchmarks.peer.model.SecretList;
import ai.spice.secrets.benchmarks.server.Endpoint;

/** The generated client, set up by {@link PeerSetup}. */
final class PeerDriver implements Driver {

    private final DefaultApi api;

    PeerDriver(Endpoint endpoint) {
        api = PeerSetup.api(endpoint.baseUrl(), endpoint.token());
    }

    @Override
    public Object get(long appId, String name) {
        try {
            return api.getSecret(appId, name, null);
        } catch (ApiException e) {
            throw new IllegalStateException("getSecret -> " + e.getCode(), e);
        }
    }

    @Override
    public Object list(long appId) {
        try {
            return api.listSecrets(appId, null);
        } catch (ApiException e) {
            throw new IllegalStateException("listSecrets -> " + e.getCode(), e);
        }
    }

    @Override
    public Object upsert(long appId, String name, String value) {
        try {
            return api.upsertSecret(appId, new SecretInput().name(name).value(value), null);
        } catch (ApiException e) {
            throw new IllegalStateException("upsertSecret -> " + e.getCode(), e);
        }
    }

    @Override
    public int size(Object listResult) {
        return ((SecretList) listResult).getSecrets().size();
    }

    @Override
    public void close() {
        // the generated client holds nothing to release
    }
}
