package ai.spice.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretsClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientBuilderTest {

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
    void fromEnvPrefersTheTokenAndReadsEndpointsAndOrganization() {
        SecretsClient client = new ClientBuilder().environment(Map.of(
                "SPICE_API_TOKEN", "tok", "SPICEAI_CLIENT_ID", "id", "SPICEAI_CLIENT_SECRET", "sec",
                "SPICEAI_API_ENDPOINT", "http://127.0.0.1:9999", "SPICEAI_OAUTH_ENDPOINT", "http://127.0.0.1:9999/oauth",
                "SPICEAI_ORG", "acme")::get).fromEnv().build();
        assertThat(client.toString()).contains("baseUrl=http://127.0.0.1:9999", "auth=token", "organization=acme").doesNotContain("tok,");
    }

    @Test
    void fromEnvUsesClientCredentialsWhenNoTokenIsSet() {
        SecretsClient client = new ClientBuilder().environment(Map.of("SPICEAI_CLIENT_ID", "id-7", "SPICEAI_CLIENT_SECRET", "sec")::get)
                .fromEnv().build();
        assertThat(client.toString()).contains("clientCredentials(clientId=id-7").contains("https://spice.ai/api/oauth/token").doesNotContain("sec)");
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
        SecretsClient client = new ClientBuilder().environment(Map.of("SPICE_API_TOKEN", "tok")::get).fromEnv()
                .clientCredentials("other", "s").build();
        assertThat(client.toString()).contains("clientCredentials(clientId=other");
    }

    @Test
    void builderAndClientToStringNeverShowCredentials() {
        ClientBuilder builder = new ClientBuilder().token("canary-token-abc");
        assertThat(builder.toString()).contains("auth=token").doesNotContain("canary-token-abc");
        assertThat(builder.build().toString()).doesNotContain("canary-token-abc");
        ClientBuilder oauth = new ClientBuilder().clientCredentials("id", "canary-secret-xyz");
        assertThat(oauth.toString()).doesNotContain("canary-secret-xyz");
        assertThat(oauth.build().async().toString()).doesNotContain("canary-secret-xyz");
    }

    @Test
    void aReusedBuilderNeverChangesWhatItBuilt() {
        ClientBuilder builder = new ClientBuilder().token("t").baseUrl("http://127.0.0.1:1");
        SecretsClient first = builder.build();
        builder.baseUrl("http://127.0.0.1:2");
        assertThat(first.toString()).contains("127.0.0.1:1").doesNotContain("127.0.0.1:2");
    }
}
