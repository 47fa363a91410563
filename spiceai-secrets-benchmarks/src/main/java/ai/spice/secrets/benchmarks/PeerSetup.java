package ai.spice.secrets.benchmarks;

import ai.spice.secrets.benchmarks.peer.ApiClient;
import ai.spice.secrets.benchmarks.peer.api.DefaultApi;
import java.net.http.HttpClient;

/**
 * The generated client configured as a team would: base URL, bearer token through the request interceptor, and (as
 * the SDK does to a plain-http loopback server) HTTP/1.1.
 */
public final class PeerSetup {

    private PeerSetup() {
    }

    public static DefaultApi api(String baseUrl, String token) {
        String authorization = "Bearer " + token;
        ApiClient client = new ApiClient()
                .setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .setRequestInterceptor(request -> request.header("Authorization", authorization));
        client.updateBaseUri(baseUrl);
        return new DefaultApi(client);
    }
}
