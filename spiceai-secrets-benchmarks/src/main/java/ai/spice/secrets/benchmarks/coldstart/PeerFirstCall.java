package ai.spice.secrets.benchmarks.coldstart;

import ai.spice.secrets.benchmarks.peer.ApiClient;
import ai.spice.secrets.benchmarks.peer.api.DefaultApi;
import ai.spice.secrets.benchmarks.peer.model.SecretList;
import java.net.http.HttpClient;

/** A fresh JVM's first call through the generated client, configured as {@code PeerSetup} does. Args: baseUrl token appId. */
public final class PeerFirstCall {

    private PeerFirstCall() {
    }

    public static void main(String[] args) throws Exception {
        Probe probe = new Probe();
        String authorization = "Bearer " + args[1];
        ApiClient apiClient = new ApiClient()
                .setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .setRequestInterceptor(request -> request.header("Authorization", authorization));
        apiClient.updateBaseUri(args[0]);
        DefaultApi api = new DefaultApi(apiClient);
        probe.built();
        SecretList secrets = api.listSecrets(Long.parseLong(args[2]), null);
        probe.firstCallDone();
        for (int i = 0; i < ColdStartHarness.MORE_CALLS; i++) {
            api.listSecrets(Long.parseLong(args[2]), null);
        }
        probe.report("peer", secrets.getSecrets().size(), ColdStartHarness.MORE_CALLS);
        System.exit(0);
    }
}
