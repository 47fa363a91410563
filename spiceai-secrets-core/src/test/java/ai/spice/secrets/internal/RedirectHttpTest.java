package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.UnexpectedStatusCodeException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "The token never leaves for another host", whatever the redirect: the API and the token endpoint answer 301, 302,
 * 307 or 308 pointing at another server, which must receive nothing, with the SDK's own HTTP client and with one the
 * application supplies. A supplied client that follows redirects is refused at {@code build()}.
 */
class RedirectHttpTest {

    private static final String SECRET = "client-secret-never-elsewhere";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    enum Client { SDK_DEFAULT, SUPPLIED_NEVER }

    enum Target { API_CALL, TOKEN_REQUEST }

    static Stream<Arguments> redirects() {
        return Stream.of(301, 302, 307, 308).flatMap(status -> Stream.of(Target.values())
                .flatMap(target -> Stream.of(Client.values()).map(client -> Arguments.of(status, target, client))));
    }

    @ParameterizedTest(name = "{0} on the {1}, {2} client")
    @MethodSource("redirects")
    void aRedirectIsReportedAndNothingArrivesElsewhere(int status, Target target, Client kind) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.url("/v1/apps/42/secrets"))));
        elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"secrets\":[]}")));
        ClientBuilder builder = new ClientBuilder().baseUrl(server.baseUrl()).retryPolicy(RetryPolicy.none());
        if (target == Target.API_CALL) {
            builder.token(TestClients.TOKEN);
        } else {
            builder.clientCredentials("client-1", SECRET).tokenUrl(server.url("/oauth/token"));
        }
        if (kind == Client.SUPPLIED_NEVER) {
            builder.httpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
        }
        try (SecretsClient client = builder.build()) {
            UnexpectedStatusCodeException e = catchThrowableOfType(UnexpectedStatusCodeException.class,
                    () -> client.list(42));
            assertThat(e.statusCode()).isEqualTo(status);
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = HttpClient.Redirect.class, names = {"ALWAYS", "NORMAL"})
    void aSuppliedClientThatFollowsRedirectsIsRefusedAtBuildSayingHowToFixIt(HttpClient.Redirect policy) {
        HttpClient following = HttpClient.newBuilder().followRedirects(policy).build();
        assertThatThrownBy(() -> new ClientBuilder().baseUrl(server.baseUrl()).token(TestClients.TOKEN)
                .httpClient(following).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("follows redirects (" + policy + ")")
                .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)")
                .hasMessageNotContaining(TestClients.TOKEN);
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    /** The control: the servers above do see a request that follows the redirect, so "nothing arrived" means something. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 307, 308})
    void aFollowingClientOutsideTheSdkDoesReachTheOtherServer(int status) throws Exception {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.url("/v1/apps/42/secrets"))));
        elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
        following.send(HttpRequest.newBuilder(URI.create(server.url("/v1/apps/42/secrets")))
                .header("Authorization", "Bearer " + TestClients.TOKEN).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void aSuppliedClientThatNeverFollowsRedirectsIsAccepted() {
        HttpClient never = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        new ClientBuilder().baseUrl(server.baseUrl()).token(TestClients.TOKEN).httpClient(never).build().close();
        assertThat(HttpClient.newHttpClient().followRedirects()).as("the JDK's default").isEqualTo(HttpClient.Redirect.NEVER);
    }
}
