package ai.spice.secrets.bulk;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Clients and canned answers for the WireMock-backed tests of this package. */
final class WireClients {

    static final long APP = 42;
    static final String SECRETS_PATH = "/v1/apps/42/secrets";
    /** Retries as the defaults do, but waiting milliseconds, not seconds. */
    static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
            .initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(4)).build();

    private WireClients() {
    }

    static SecretsClient client(WireMockExtension server) {
        return SecretsClient.builder().baseUrl(server.baseUrl()).token("test-token").retryPolicy(FAST_RETRIES).build();
    }

    static String secretJson(String name) {
        return "{\"id\":" + (1000 + Math.abs(name.hashCode() % 1000)) + ",\"name\":\"" + name + "\",\"value\":\"**********\","
                + "\"created_at\":\"2024-01-15T10:00:00.000Z\",\"updated_at\":\"2024-01-16T11:30:00Z\"}";
    }

    /** The upsert answer naming the secret of the request: WireMock's response templating reads the body. */
    static String upsertEcho() {
        return secretJson("{{jsonPath request.body '$.name'}}");
    }

    static void stubList(WireMockExtension server, String... names) {
        server.stubFor(get(urlPathEqualTo(SECRETS_PATH)).willReturn(okJson(
                Stream.of(names).map(WireClients::secretJson).collect(Collectors.joining(",", "{\"secrets\":[", "]}")))));
    }
}
