package ai.spice.secrets.testkit;

import static ai.spice.secrets.testkit.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthTokenTest {

    private static final MutableClock CLOCK = MutableClock.at("2030-01-01T00:00:00Z");
    private static SecretsEmulator emulator;
    private static ClientCredentials readWrite;
    private static long appId;

    @BeforeAll
    static void start() {
        emulator = SecretsEmulator.builder().clock(CLOCK).tokenLifetime(Duration.ofMinutes(30)).build();
        readWrite = emulator.registerClient("secrets:read", "secrets:write");
        appId = emulator.createApp("oauth");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void jsonClientCredentialsGrantAnswersABearerToken() {
        HttpResponse<String> response = postJson(Map.of("grant_type", "client_credentials",
                "client_id", readWrite.clientId(), "client_secret", readWrite.clientSecret()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode token = body(response);
        assertThat(token.get("access_token").textValue()).isNotBlank();
        assertThat(token.get("token_type").textValue()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").longValue()).isEqualTo(1800);
        assertThat(token.size()).isEqualTo(3);
    }

    @Test
    void formEncodedGrantWorksLikeJson() {
        HttpResponse<String> response = postForm("grant_type=client_credentials&client_id="
                + encode(readWrite.clientId()) + "&client_secret=" + encode(readWrite.clientSecret()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("token_type").textValue()).isEqualTo("Bearer");
    }

    @Test
    void httpBasicClientAuthenticationIsAccepted() {
        String basic = Base64.getEncoder().encodeToString(
                (readWrite.clientId() + ":" + readWrite.clientSecret()).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = ApiClient.send(HttpRequest.newBuilder(emulator.tokenUrl())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void accessTokenCarriesTheClientScopes() {
        ClientCredentials reader = emulator.registerClient("secrets:read");
        ApiClient client = ApiClient.of(emulator, accessToken(reader));

        assertThat(client.get("/v1/apps/" + appId + "/secrets").statusCode()).isEqualTo(200);
        assertThat(client.upsert(appId, "X", "v").statusCode()).isEqualTo(403);
        assertThat(ApiClient.of(emulator, accessToken(readWrite)).upsert(appId, "X", "v").statusCode()).isEqualTo(200);
    }

    @Test
    void accessTokenExpiresAfterTheConfiguredLifetime() {
        ApiClient client = ApiClient.of(emulator, accessToken(readWrite));
        String path = "/v1/apps/" + appId + "/secrets";

        CLOCK.advance(Duration.ofMinutes(29));
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(1));

        assertThat(client.get(path).body()).isEqualTo("{\"error\":\"Token expired\"}");
    }

    @Test
    void wrongSecretIs401InvalidClient() {
        HttpResponse<String> response = postJson(Map.of("grant_type", "client_credentials",
                "client_id", readWrite.clientId(), "client_secret", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\"}");
    }

    @Test
    void unknownOrMissingClientIs401InvalidClient() {
        assertThat(postJson(Map.of("grant_type", "client_credentials", "client_id", "nobody", "client_secret", "x"))
                .body()).isEqualTo("{\"error\":\"invalid_client\"}");
        assertThat(postForm("grant_type=client_credentials").statusCode()).isEqualTo(401);
    }

    @Test
    void otherGrantTypeIs400UnsupportedGrantType() {
        HttpResponse<String> response = postForm("grant_type=password&client_id=" + encode(readWrite.clientId())
                + "&client_secret=" + encode(readWrite.clientSecret()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"unsupported_grant_type\"}");
    }

    @Test
    void missingGrantTypeOrMalformedBodyIs400InvalidRequest() {
        assertThat(postJson(Map.of("client_id", readWrite.clientId())).body())
                .isEqualTo("{\"error\":\"invalid_request\"}");
        HttpResponse<String> malformed = ApiClient.send(HttpRequest.newBuilder(emulator.tokenUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("{\"error\":\"invalid_request\"}");
    }

    @Test
    void clientCredentialsToStringRedactsTheSecret() {
        assertThat(readWrite.toString())
                .contains(readWrite.clientId())
                .doesNotContain(readWrite.clientSecret())
                .contains("[redacted]");
    }

    @Test
    void tokenUrlIsTheBaseUrlPlusTheOAuthPath() {
        assertThat(emulator.tokenUrl().toString()).isEqualTo(emulator.baseUrl() + "/api/oauth/token");
    }

    static String accessToken(SecretsEmulator emulator, ClientCredentials credentials) {
        HttpResponse<String> response = ApiClient.send(HttpRequest.newBuilder(emulator.tokenUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(Map.of("grant_type", "client_credentials",
                        "client_id", credentials.clientId(), "client_secret", credentials.clientSecret())))));
        assertThat(response.statusCode()).isEqualTo(200);
        return body(response).get("access_token").textValue();
    }

    private static String accessToken(ClientCredentials credentials) {
        return accessToken(emulator, credentials);
    }

    private static HttpResponse<String> postJson(Map<String, String> body) {
        return ApiClient.send(HttpRequest.newBuilder(emulator.tokenUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(body))));
    }

    private static HttpResponse<String> postForm(String body) {
        return ApiClient.send(HttpRequest.newBuilder(emulator.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
