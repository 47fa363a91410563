package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.errors.SpiceIoException;
import ai.spice.secrets.errors.UnauthorizedException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientCredentialsHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOKEN_PATH = "/api/oauth/token";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

    private SecretsClient client() {
        return new ClientBuilder().baseUrl(server.baseUrl()).tokenUrl(server.baseUrl() + TOKEN_PATH)
                .clientCredentials("client-1", "client-secret-xyz").scheduler(new RecordingScheduler())
                .random(() -> 0.5).clock(clock).build();
    }

    private static void tokenEndpointIssues(String token, long expiresIn) {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}")));
    }

    private static void apiAccepts(String token) {
        server.stubFor(Op.LIST.stub().withHeader("Authorization", equalTo("Bearer " + token)).willReturn(okJson(Op.LIST_BODY)));
    }

    private static int tokenFetches() {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).build()).getCount();
    }

    @Test
    void postsTheGrantAsJsonAndSendsTheAccessTokenAsBearer() {
        tokenEndpointIssues("access-1", 3600);
        apiAccepts("access-1");
        try (SecretsClient client = client()) {
            assertThat(client.list(42)).hasSize(1);
        }
        server.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"grant_type\":\"client_credentials\",\"client_id\":\"client-1\",\"client_secret\":\"client-secret-xyz\"}")));
    }

    @Test
    void sixteenConcurrentCallsShareOneTokenFetch() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"access_token\":\"access-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}").withFixedDelay(300)));
        apiAccepts("access-1");
        try (SecretsClient client = client()) {
            List<CompletableFuture<List<Secret>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(client.async().list(42));
            }
            calls.forEach(call -> assertThat(call.join()).hasSize(1));
        }
        assertThat(tokenFetches()).isEqualTo(1);
    }

    @Test
    void refreshesSixtySecondsBeforeExpiry() {
        tokenEndpointIssues("access-1", 3600);
        apiAccepts("access-1");
        try (SecretsClient client = client()) {
            client.list(42);
            clock.advance(Duration.ofSeconds(3600 - 61));
            client.list(42);
            assertThat(tokenFetches()).isEqualTo(1);
            tokenEndpointIssues("access-2", 3600);
            apiAccepts("access-2");
            clock.advance(Duration.ofSeconds(2));
            client.list(42);
            assertThat(tokenFetches()).isEqualTo(2);
        }
        server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(Op.LIST.path))
                .withHeader("Authorization", equalTo("Bearer access-2")));
    }

    @Test
    void on401FetchesANewTokenOnceAndRepeatsTheRequestOnceEvenWithoutRetries() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("rotate").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"revoked\",\"expires_in\":3600}")).willSetStateTo("second"));
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("rotate").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"fresh\",\"expires_in\":3600}")));
        server.stubFor(Op.LIST.stub().withHeader("Authorization", equalTo("Bearer revoked"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Token expired\"}")));
        apiAccepts("fresh");
        try (SecretsClient client = new ClientBuilder().baseUrl(server.baseUrl()).tokenUrl(server.baseUrl() + TOKEN_PATH)
                .clientCredentials("client-1", "s").retryPolicy(RetryPolicy.none()).clock(clock).build()) {
            assertThat(client.list(42)).hasSize(1);
        }
        assertThat(tokenFetches()).isEqualTo(2);
    }

    @Test
    void a401ThatPersistsAfterRefreshIsThrownAfterOneRepeat() {
        tokenEndpointIssues("access-1", 3600);
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Invalid token\"}")));
        try (SecretsClient client = client()) {
            assertThatThrownBy(() -> client.list(42)).isInstanceOf(UnauthorizedException.class).hasMessageContaining("Invalid token");
        }
        assertThat(tokenFetches()).isEqualTo(2);
        assertThat(server.countRequestsMatching(Op.LIST.stub().build().getRequest()).getCount()).isEqualTo(2);
    }

    @Test
    void rejectedClientCredentialsGiveAClearUnauthorizedError() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));
        try (SecretsClient client = client()) {
            assertThatThrownBy(() -> client.list(42)).isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                assertThat(e.getMessage()).isEqualTo("401 on POST /api/oauth/token: invalid_client");
                assertThat(e.getMessage()).doesNotContain("client-secret-xyz");
            });
        }
        assertThat(server.countRequestsMatching(Op.LIST.stub().build().getRequest()).getCount()).isZero();
    }

    @Test
    void anUnreadableTokenAnswerIsInvalidDataAndNeverQuotesIt() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"token\":\"leaky-token-value\"}")));
        try (SecretsClient client = client()) {
            assertThatThrownBy(() -> client.list(42)).isInstanceOf(SpiceInvalidDataException.class)
                    .hasMessageContaining("no access_token").hasMessageNotContaining("leaky-token-value");
        }
    }

    @Test
    void anUnreachableTokenEndpointIsAnIoErrorNamingIt() {
        try (SecretsClient client = new ClientBuilder().baseUrl(server.baseUrl()).tokenUrl("http://127.0.0.1:1/oauth")
                .clientCredentials("c", "s").scheduler(new RecordingScheduler()).build()) {
            assertThatThrownBy(() -> client.list(42)).isInstanceOf(SpiceIoException.class).hasMessageContaining("OAuth token endpoint");
        }
    }

    @Test
    void aTransientTokenEndpointFailureIsRetriedByThePolicy() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"access_token\":\"access-1\",\"expires_in\":3600}")));
        apiAccepts("access-1");
        try (SecretsClient client = client()) {
            assertThat(client.list(42)).hasSize(1);
        }
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
