package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {

    private static final MutableClock CLOCK = MutableClock.at("2030-06-01T00:00:00Z");
    private static SecretsEmulator emulator;
    private static long appId;
    private static String secrets;

    @BeforeAll
    static void start() {
        emulator = SecretsEmulator.builder().clock(CLOCK).build();
        appId = emulator.createApp("auth");
        secrets = "/v1/apps/" + appId + "/secrets";
        emulator.storeSecret(appId, "EXISTING", "value");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void missingAuthorizationHeaderIs401() {
        HttpResponse<String> response = ApiClient.anonymous(emulator).get(secrets);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Missing Authorization header\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Token abc", "abc", "Bearer a b"})
    void authorizationThatIsNotBearerTokenIs401InvalidTokenFormat(String header) {
        HttpResponse<String> response = ApiClient.anonymous(emulator).withAuthorization(header).get(secrets);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Invalid token format\"}");
    }

    @Test
    void unknownTokenIs401InvalidToken() {
        HttpResponse<String> response = ApiClient.anonymous(emulator).withAuthorization("Bearer nope").get(secrets);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Invalid token\"}");
    }

    @Test
    void revokedTokenIs401InvalidToken() {
        String token = emulator.issueToken("*");
        ApiClient client = ApiClient.of(emulator, token);
        assertThat(client.get(secrets).statusCode()).isEqualTo(200);

        assertThat(emulator.revokeToken(token)).isTrue();

        assertThat(client.get(secrets).body()).isEqualTo("{\"error\":\"Invalid token\"}");
    }

    @Test
    void tokenExpiresOnTheEmulatorClock() {
        ApiClient client = ApiClient.of(emulator, emulator.issueToken(Duration.ofMinutes(10), "secrets:read"));
        assertThat(client.get(secrets).statusCode()).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(10));
        HttpResponse<String> response = client.get(secrets);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Token expired\"}");
    }

    @Test
    void expiredTokenIs410WhenTheEmulatorIsSetToTheOverviewsStatus() {
        MutableClock clock = MutableClock.at("2030-06-01T00:00:00Z");
        try (SecretsEmulator gone = SecretsEmulator.builder().clock(clock).expiredTokenStatus(410).build()) {
            long app = gone.createApp("gone");
            CheckedClient client = CheckedClient.of(gone, gone.issueToken(Duration.ofMinutes(1), "*"));
            assertThat(client.get("/v1/apps/" + app + "/secrets").status()).isEqualTo(200);

            clock.advance(Duration.ofMinutes(1));

            for (String path : List.of("/v1/apps/" + app + "/secrets", "/v1/projects/" + app, "/v1/orgs")) {
                Contract.Exchange expired = client.get(path);
                assertThat(expired.status()).as(path).isEqualTo(410);
                assertThat(expired.body()).as(path).isEqualTo("{\"error\":\"The token or resource has expired\"}");
            }
        }
    }

    @Test
    void tokenWithoutLifetimeNeverExpires() {
        ApiClient client = ApiClient.of(emulator, emulator.issueToken("secrets:read"));

        CLOCK.advance(Duration.ofDays(3650));

        assertThat(client.get(secrets).statusCode()).isEqualTo(200);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        String token = emulator.issueToken("*");

        assertThat(ApiClient.anonymous(emulator).withAuthorization("bearer " + token).get(secrets).statusCode())
                .isEqualTo(200);
    }

    /** Each row: the token's scopes (space separated, "-" for none), then the status of list, get, upsert, delete. */
    @ParameterizedTest(name = "scopes [{0}]: list {1}, get {2}, upsert {3}, delete {4}")
    @CsvSource({
        "secrets:read,               200, 200, 403, 403",
        "secrets:write,              200, 200, 200, 204",
        "*,                          200, 200, 200, 204",
        "secrets:read secrets:write, 200, 200, 200, 204",
        "apps:read,                  403, 403, 403, 403",
        "-,                          403, 403, 403, 403",
    })
    void scopesDecideWhichOperationsAreAllowed(String scopes, int list, int get, int upsert, int delete) {
        String[] granted = "-".equals(scopes) ? new String[0] : scopes.split(" ");
        ApiClient client = ApiClient.of(emulator, emulator.issueToken(granted));
        emulator.storeSecret(appId, "TO_DELETE", "x");

        List<Integer> statuses = List.of(
                client.get(secrets).statusCode(),
                client.get(secrets + "/EXISTING").statusCode(),
                client.upsert(appId, "WRITTEN", "w").statusCode(),
                client.delete(secrets + "/TO_DELETE").statusCode());

        assertThat(statuses).containsExactly(list, get, upsert, delete);
    }

    @Test
    void missingScopeIs403NamingTheScopeNeeded() {
        ApiClient reader = ApiClient.of(emulator, emulator.issueToken("secrets:read"));
        ApiClient nobody = ApiClient.of(emulator, emulator.issueToken());

        assertThat(reader.upsert(appId, "X", "v").body()).isEqualTo(
                "{\"error\":\"Insufficient scope. Required: secrets:write\",\"code\":\"insufficient_scope\"}");
        assertThat(reader.delete(secrets + "/EXISTING").body()).contains("Required: secrets:write");
        assertThat(nobody.get(secrets).body()).isEqualTo(
                "{\"error\":\"Insufficient scope. Required: secrets:read\",\"code\":\"insufficient_scope\"}");
        assertThat(emulator.storedValue(appId, "X")).isEmpty();
    }

    @Test
    void credentialIsCheckedBeforeTheAppId() {
        assertThat(ApiClient.anonymous(emulator).get("/v1/apps/abc/secrets").statusCode()).isEqualTo(401);
        assertThat(ApiClient.anonymous(emulator).get("/v1/apps/999999/secrets").statusCode()).isEqualTo(401);
    }
}
