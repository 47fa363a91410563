package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.RecordingListener;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.TestTimes;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.errors.SpiceTimeoutException;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each setting of the builder, checked by what the built client does: where its requests go and what they carry
 * (WireMock sees them), how long it waits, how often it tries, how much it reads. Only the credential check reads
 * {@code toString()}, which must never print one.
 */
class ClientBuilderTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Another server, for a builder changed after it built a client. */
    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String LIST_PATH = "/v1/apps/42/secrets";

    @ParameterizedTest
    @ValueSource(strings = {"https://api.spice.ai", "https://api.spice.ai/", "http://127.0.0.1:8080", "http://localhost:1",
            "http://[::1]:8080", "http://127.1.2.3", "https://proxy.corp/spice"})
    void acceptsHttpsAndLoopbackHttp(String url) {
        assertThatCode(() -> new ClientBuilder().baseUrl(url).tokenUrl(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.spice.ai", "http://10.0.0.1", "http://localhost.evil.com", "ftp://api.spice.ai",
            "api.spice.ai", "/v1", "https://", "not a url", "https://user:pw@api.spice.ai", "https://api.spice.ai?x=1"})
    void refusesPlainHttpToOtherHostsAndMalformedUrls(String url) {
        assertThatThrownBy(() -> new ClientBuilder().baseUrl(url)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> new ClientBuilder().tokenUrl(url)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenUrl");
    }

    @Test
    void settersRejectNullAndBadValuesNamingThem() {
        ClientBuilder builder = new ClientBuilder();
        assertThatThrownBy(() -> builder.baseUrl((String) null)).isInstanceOf(NullPointerException.class).hasMessage("baseUrl");
        assertThatThrownBy(() -> builder.token(null)).isInstanceOf(NullPointerException.class).hasMessage("bearerToken");
        assertThatThrownBy(() -> builder.token("  ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bearerToken");
        assertThatThrownBy(() -> builder.token("tok\r\nX-Evil: 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bearerToken").hasMessageNotContaining("tok").hasMessageNotContaining("Evil");
        assertThatThrownBy(() -> builder.clientCredentials("id", null)).isInstanceOf(NullPointerException.class).hasMessage("clientSecret");
        assertThatThrownBy(() -> builder.credentials(null)).isInstanceOf(NullPointerException.class).hasMessage("provider");
        assertThatThrownBy(() -> builder.organization("a b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orgHandle");
        assertThatThrownBy(() -> builder.retryPolicy(null)).isInstanceOf(NullPointerException.class).hasMessage("policy");
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> builder.requestTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> builder.httpClient(null)).isInstanceOf(NullPointerException.class).hasMessage("client");
        assertThatThrownBy(() -> builder.maxResponseBytes(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseBytes");
    }

    @Test
    void buildWithoutCredentialNamesTheWaysToSetOne() {
        assertThatThrownBy(() -> new ClientBuilder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("token(...)").hasMessageContaining("clientCredentials(...)").hasMessageContaining("SPICE_API_TOKEN");
    }

    @Test
    void requestsGoUnderTheBaseUrlCarryingTheTokenAndTheOrganization() {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok()));
        server.stubFor(okAt("/proxy" + LIST_PATH));
        try (SecretsClient plain = new ClientBuilder().baseUrl(server.baseUrl()).token("tok-1").build();
             SecretsClient behindAProxy = new ClientBuilder().baseUrl(server.baseUrl() + "/proxy/").token("tok-2")
                     .organization("acme").build()) {
            assertThat(plain.list(42)).hasSize(1);
            assertThat(behindAProxy.list(42)).hasSize(1);
        }
        server.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withHeader("Authorization", equalTo("Bearer tok-1"))
                .withHeader("X-Org-Name", absent()));
        server.verify(1, getRequestedFor(urlPathEqualTo("/proxy" + LIST_PATH))
                .withHeader("Authorization", equalTo("Bearer tok-2")).withHeader("X-Org-Name", equalTo("acme")));
    }

    @Test
    void theRequestTimeoutEndsAnAttemptWhoseAnswerIsLate() {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok().withFixedDelay(2_000)));
        Duration timeout = Duration.ofMillis(100);
        try (SecretsClient client = new ClientBuilder().baseUrl(server.baseUrl()).token("t").requestTimeout(timeout)
                .retryPolicy(RetryPolicy.none()).build()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> client.list(42));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(thrown).isInstanceOf(SpiceTimeoutException.class).hasMessageContaining("request timed out");
            assertThat(took).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plus(TestTimes.SLACK));
        }
    }

    @Test
    void theConnectTimeoutEndsAConnectionTheServerNeverAccepts() throws IOException {
        Duration timeout = Duration.ofMillis(200);
        try (UnacceptingPort port = new UnacceptingPort();
             SecretsClient client = new ClientBuilder().baseUrl("http://127.0.0.1:" + port.number()).token("t")
                     .connectTimeout(timeout).requestTimeout(Duration.ofSeconds(10)).retryPolicy(RetryPolicy.none())
                     .build()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> client.list(42));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(thrown).isInstanceOf(SpiceTimeoutException.class).hasMessageContaining("connect timed out");
            assertThat(took).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plus(TestTimes.SLACK));
        }
    }

    @Test
    void theRetryPolicyDecidesHowOftenAndAfterHowLongACallIsTried() {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(503)));
        RecordingScheduler twice = new RecordingScheduler();
        RecordingScheduler once = new RecordingScheduler();
        RetryPolicy two = RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(70)).jitter(0).build();
        try (SecretsClient patient = new ClientBuilder().baseUrl(server.baseUrl()).token("t").retryPolicy(two)
                .scheduler(twice).build();
             SecretsClient hasty = new ClientBuilder().baseUrl(server.baseUrl()).token("t").retryPolicy(RetryPolicy.none())
                     .scheduler(once).build()) {
            catchThrowable(() -> patient.list(42));
            assertThat(requestsTo(LIST_PATH)).isEqualTo(2);
            catchThrowable(() -> hasty.list(42));
            assertThat(requestsTo(LIST_PATH)).isEqualTo(3);
        }
        assertThat(twice.delays).containsExactly(Duration.ofMillis(70));
        assertThat(once.delays).isEmpty();
    }

    @Test
    void maxResponseBytesIsTheMostABodyMayHave() {
        server.stubFor(Op.GET.stub().willReturn(Op.GET.ok()));
        int length = Op.SECRET_BODY.length();
        try (SecretsClient exact = new ClientBuilder().baseUrl(server.baseUrl()).token("t").maxResponseBytes(length).build();
             SecretsClient oneByteShort = new ClientBuilder().baseUrl(server.baseUrl()).token("t").maxResponseBytes(length - 1)
                     .retryPolicy(RetryPolicy.none()).build()) {
            assertThat(exact.get(42, "DB_URL").name()).isEqualTo("DB_URL");
            assertThat(catchThrowable(() -> oneByteShort.get(42, "DB_URL"))).isExactlyInstanceOf(SpiceInvalidDataException.class)
                    .hasMessageContaining((length - 1) + "-byte cap");
        }
    }

    @Test
    void everyListenerGivenHearsTheClientsOperations() {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok()));
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        try (SecretsClient client = new ClientBuilder().baseUrl(server.baseUrl()).token("t").listener(first)
                .listener(second).build()) {
            client.list(42);
        }
        for (RecordingListener listener : List.of(first, second)) {
            assertThat(listener.started()).hasSize(1);
            assertThat(listener.attempts()).hasSize(1);
            assertThat(listener.completed()).singleElement().satisfies(done -> assertThat(done.isSuccess()).isTrue());
        }
    }

    @Test
    void fromEnvPrefersTheTokenAndReadsEndpointsAndOrganization() {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok()));
        try (SecretsClient client = new ClientBuilder().environment(Map.of(
                "SPICE_API_TOKEN", "tok", "SPICEAI_CLIENT_ID", "id", "SPICEAI_CLIENT_SECRET", "sec",
                "SPICEAI_API_ENDPOINT", server.baseUrl(), "SPICEAI_OAUTH_ENDPOINT", server.baseUrl() + "/oauth",
                "SPICEAI_ORG", "acme")::get).fromEnv().build()) {
            assertThat(client.list(42)).hasSize(1);
        }
        server.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withHeader("Authorization", equalTo("Bearer tok"))
                .withHeader("X-Org-Name", equalTo("acme")));
        server.verify(0, postRequestedFor(urlPathEqualTo("/oauth")));
    }

    @Test
    void fromEnvUsesClientCredentialsWhenNoTokenIsSet() {
        server.stubFor(post(urlPathEqualTo("/oauth")).willReturn(okJson("{\"access_token\":\"access-9\",\"expires_in\":3600}")));
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok()));
        try (SecretsClient client = new ClientBuilder().environment(Map.of("SPICEAI_CLIENT_ID", "id-7",
                "SPICEAI_CLIENT_SECRET", "sec", "SPICEAI_API_ENDPOINT", server.baseUrl(),
                "SPICEAI_OAUTH_ENDPOINT", server.baseUrl() + "/oauth")::get).fromEnv().build()) {
            assertThat(client.list(42)).hasSize(1);
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth")).withRequestBody(equalToJson(
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"id-7\",\"client_secret\":\"sec\"}")));
        server.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withHeader("Authorization", equalTo("Bearer access-9")));
    }

    static Stream<Arguments> environmentsWithoutEndpoints() {
        return Stream.of(
                Arguments.of(Map.of("SPICE_API_TOKEN", "tok"), "GET https://api.spice.ai/v1/apps/42/secrets"),
                Arguments.of(Map.of("SPICEAI_CLIENT_ID", "id-7", "SPICEAI_CLIENT_SECRET", "sec"),
                        "POST https://spice.ai/api/oauth/token"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("environmentsWithoutEndpoints")
    void withoutEndpointsInTheEnvironmentTheFirstRequestGoesToSpice(Map<String, String> environment, String first) {
        NoNetworkHttpClient network = new NoNetworkHttpClient();
        try (SecretsClient client = new ClientBuilder().environment(environment::get).fromEnv().httpClient(network)
                .retryPolicy(RetryPolicy.none()).build()) {
            assertThat(catchThrowable(() -> client.list(42))).isInstanceOf(SpiceException.class);
        }
        assertThat(network.requests).first().satisfies(request ->
                assertThat(request.method() + " " + request.uri()).isEqualTo(first));
    }

    @Test
    void fromEnvWithoutCredentialsNamesTheVariables() {
        assertThatThrownBy(() -> new ClientBuilder().environment(Map.<String, String>of()::get).fromEnv())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPICE_API_TOKEN").hasMessageContaining("SPICEAI_CLIENT_ID").hasMessageContaining("SPICEAI_CLIENT_SECRET");
        assertThatThrownBy(() -> new ClientBuilder().environment(Map.of("SPICEAI_CLIENT_ID", "id")::get).fromEnv())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("SPICEAI_CLIENT_SECRET is not set");
    }

    @Test
    void laterSettingsOverrideTheEnvironment() {
        server.stubFor(post(urlPathEqualTo("/oauth")).willReturn(okJson("{\"access_token\":\"access-o\",\"expires_in\":3600}")));
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok()));
        try (SecretsClient client = new ClientBuilder().environment(Map.of("SPICE_API_TOKEN", "tok",
                "SPICEAI_API_ENDPOINT", other.baseUrl())::get).fromEnv()
                .baseUrl(server.baseUrl()).tokenUrl(server.baseUrl() + "/oauth").clientCredentials("other", "s").build()) {
            assertThat(client.list(42)).hasSize(1);
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth")).withRequestBody(equalToJson(
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"other\",\"client_secret\":\"s\"}")));
        server.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withHeader("Authorization", equalTo("Bearer access-o")));
        other.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void builderAndClientToStringNeverShowCredentials() {
        ClientBuilder builder = new ClientBuilder().token("canary-token-abc");
        assertThat(builder.toString()).contains("auth=token").doesNotContain("canary-token-abc");
        try (SecretsClient client = builder.build()) {
            assertThat(client.toString()).doesNotContain("canary-token-abc");
        }
        ClientBuilder oauth = new ClientBuilder().clientCredentials("id", "canary-secret-xyz");
        assertThat(oauth.toString()).doesNotContain("canary-secret-xyz");
        try (SecretsClient client = oauth.build()) {
            AsyncSecretsClient async = client.async();
            assertThat(async.toString()).doesNotContain("canary-secret-xyz");
        }
        try (SecretsClient client = new ClientBuilder().environment(Map.of("SPICE_API_TOKEN", "canary-env-token")::get)
                .fromEnv().build()) {
            assertThat(client.toString()).doesNotContain("canary-env-token");
        }
    }

    @Test
    void aReusedBuilderNeverChangesWhatItBuilt() {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok()));
        other.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok()));
        ClientBuilder builder = new ClientBuilder().token("t").baseUrl(server.baseUrl());
        try (SecretsClient first = builder.build()) {
            builder.baseUrl(other.baseUrl()).token("t2").organization("later");
            try (SecretsClient second = builder.build()) {
                first.list(42);
                second.list(42);
            }
        }
        server.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withHeader("Authorization", equalTo("Bearer t"))
                .withHeader("X-Org-Name", absent()));
        other.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withHeader("Authorization", equalTo("Bearer t2"))
                .withHeader("X-Org-Name", equalTo("later")));
    }

    private static MappingBuilder okAt(String path) {
        return get(urlPathEqualTo(path)).willReturn(Op.LIST.ok());
    }

    private static int requestsTo(String path) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }
}
