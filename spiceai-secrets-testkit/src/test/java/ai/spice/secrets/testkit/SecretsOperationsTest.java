package ai.spice.secrets.testkit;

import static ai.spice.secrets.testkit.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretsOperationsTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static final MutableClock CLOCK = MutableClock.at("2024-01-15T10:00:00Z");
    private static SecretsEmulator emulator;
    private static ApiClient client;
    private long appId;
    private String secrets;

    @BeforeAll
    static void start() {
        emulator = SecretsEmulator.builder().clock(CLOCK).build();
        client = ApiClient.of(emulator, emulator.issueToken("*"));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void newApp() {
        appId = emulator.createApp("test");
        secrets = "/v1/apps/" + appId + "/secrets";
    }

    @Test
    void upsertReturnsTheSecretWithAMaskedValueAndMillisecondTimestamps() {
        HttpResponse<String> response = client.upsert(appId, "DATABASE_URL", "postgres://u:p@db/x");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode secret = body(response);
        assertThat(secret.get("id").isIntegralNumber()).isTrue();
        assertThat(secret.get("name").textValue()).isEqualTo("DATABASE_URL");
        assertThat(secret.get("value").textValue()).isEqualTo("**********");
        assertThat(secret.get("created_at").textValue()).matches(TIMESTAMP);
        assertThat(secret.get("updated_at").textValue()).matches(TIMESTAMP);
        assertThat(response.body()).doesNotContain("postgres");
        assertThat(emulator.storedValue(appId, "DATABASE_URL")).contains("postgres://u:p@db/x");
    }

    @Test
    void timestampsComeFromTheClockWithExactlyThreeMillisecondDigits() {
        MutableClock clock = MutableClock.at("2024-01-15T10:00:00Z");
        try (SecretsEmulator own = SecretsEmulator.builder().clock(clock).build()) {
            long app = own.createApp("clock");
            ApiClient ownClient = ApiClient.of(own, own.issueToken("*"));

            JsonNode created = body(ownClient.upsert(app, "A", "v"));
            clock.advance(Duration.ofMillis(7));
            JsonNode updated = body(ownClient.upsert(app, "A", "w"));

            assertThat(created.get("created_at").textValue()).isEqualTo("2024-01-15T10:00:00.000Z");
            assertThat(updated.get("updated_at").textValue()).isEqualTo("2024-01-15T10:00:00.007Z");
        }
    }

    @Test
    void updateKeepsIdAndCreatedAtAndMovesUpdatedAt() {
        JsonNode first = body(client.upsert(appId, "TOKEN", "one"));
        CLOCK.advance(Duration.ofSeconds(5));
        JsonNode second = body(client.upsert(appId, "TOKEN", "two"));

        assertThat(second.get("id").longValue()).isEqualTo(first.get("id").longValue());
        assertThat(second.get("created_at")).isEqualTo(first.get("created_at"));
        assertThat(second.get("updated_at").textValue()).isGreaterThan(first.get("updated_at").textValue());
        assertThat(emulator.storedValue(appId, "TOKEN")).contains("two");
    }

    @Test
    void updateMovesUpdatedAtEvenWhenTheClockStandsStill() {
        JsonNode first = body(client.upsert(appId, "SAME", "v"));
        JsonNode second = body(client.upsert(appId, "SAME", "v"));

        assertThat(second.get("updated_at").textValue()).isGreaterThan(first.get("updated_at").textValue());
    }

    @Test
    void getReturnsOneSecretMasked() {
        long id = body(client.upsert(appId, "API_KEY", "sk-123")).get("id").longValue();

        HttpResponse<String> response = client.get(secrets + "/API_KEY");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode secret = body(response);
        assertThat(secret.get("id").longValue()).isEqualTo(id);
        assertThat(secret.get("value").textValue()).isEqualTo("**********");
    }

    @Test
    void listReturnsSecretsSortedByName() {
        client.upsert(appId, "b_second", "2");
        client.upsert(appId, "A_FIRST", "1");
        client.upsert(appId, "_internal", "3");

        HttpResponse<String> response = client.get(secrets);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        body(response).get("secrets").forEach(secret -> {
            names.add(secret.get("name").textValue());
            assertThat(secret.get("value").textValue()).isEqualTo("**********");
        });
        assertThat(names).containsExactly("A_FIRST", "_internal", "b_second");
        assertThat(emulator.secretNames(appId)).containsExactly("A_FIRST", "_internal", "b_second");
    }

    @Test
    void listOfAnEmptyAppIsAnEmptyArray() {
        assertThat(body(client.get(secrets)).get("secrets").isEmpty()).isTrue();
    }

    @Test
    void deleteAnswers204WithNoBodyAndRemovesTheSecret() {
        client.upsert(appId, "GONE", "x");

        HttpResponse<String> response = client.delete(secrets + "/GONE");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(emulator.storedValue(appId, "GONE")).isEmpty();
        assertThat(client.get(secrets + "/GONE").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownSecretIs404SecretNotFound() {
        assertThat(body(client.get(secrets + "/NOPE")).toString()).isEqualTo("{\"error\":\"Secret not found\"}");
        HttpResponse<String> delete = client.delete(secrets + "/NOPE");
        assertThat(delete.statusCode()).isEqualTo(404);
        assertThat(body(delete).get("error").textValue()).isEqualTo("Secret not found");
    }

    @Test
    void unknownAppIs404AppNotFound() {
        HttpResponse<String> response = client.get("/v1/apps/999999/secrets");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"App not found\"}");
        assertThat(client.upsert(999_999, "X", "v").statusCode()).isEqualTo(404);
    }

    @Test
    void nonNumericOrNonPositiveAppIdIs400() {
        for (String id : List.of("abc", "0", "-1", "+1", "1.5", "99999999999999999999")) {
            HttpResponse<String> response = client.get("/v1/apps/" + id + "/secrets");
            assertThat(response.statusCode()).as(id).isEqualTo(400);
            assertThat(response.body()).as(id).isEqualTo("{\"error\":\"Invalid app ID\"}");
        }
    }

    @Test
    void projectsPathIsTheSameStoreAsApps() {
        client.post("/v1/projects/" + appId + "/secrets", "{\"name\":\"VIA_PROJECT\",\"value\":\"p\"}");

        assertThat(client.get(secrets + "/VIA_PROJECT").statusCode()).isEqualTo(200);
        assertThat(client.get("/v1/projects/" + appId + "/secrets").body()).contains("VIA_PROJECT");
        assertThat(client.delete("/v1/projects/" + appId + "/secrets/VIA_PROJECT").statusCode()).isEqualTo(204);
        assertThat(emulator.secretNames(appId)).isEmpty();
    }

    @Test
    void secretNameInThePathIsPercentDecoded() {
        client.upsert(appId, "my_key", "v");

        assertThat(client.get(secrets + "/my%5Fkey").statusCode()).isEqualTo(200);
        assertThat(client.get(secrets + "/my%2Fkey").statusCode()).isEqualTo(404);
    }

    @Test
    void namesAreCaseSensitive() {
        client.upsert(appId, "Key", "upper");
        client.upsert(appId, "key", "lower");

        assertThat(emulator.secretNames(appId)).containsExactly("Key", "key");
        assertThat(emulator.storedValue(appId, "key")).contains("lower");
    }

    @Test
    void idsAreUniqueAcrossAppsAndSecrets() {
        long otherApp = emulator.createApp("other");
        Set<Long> ids = new HashSet<>(List.of(appId, otherApp));
        ids.add(body(client.upsert(appId, "X", "1")).get("id").longValue());
        ids.add(body(client.upsert(otherApp, "X", "1")).get("id").longValue());

        assertThat(ids).hasSize(4);
    }

    @Test
    void unknownPathIs404NotFound() {
        for (String path : List.of("/", "/v1", "/v1/apps/", "/v2/apps/1/secrets", "/v1/apps/1/secret", secrets + "/",
                "/v1/apps/1/org-secrets", "/v1/orgs/1", "/v1/health/")) {
            HttpResponse<String> response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo("{\"error\":\"Not found\"}");
        }
    }

    @Test
    void wrongMethodOnAKnownPathIs405WithAJsonError() {
        HttpResponse<String> put = client.method("PUT", secrets);
        HttpResponse<String> postItem = client.method("POST", secrets + "/X");
        HttpResponse<String> token = client.get("/api/oauth/token");

        assertThat(List.of(put.statusCode(), postItem.statusCode(), token.statusCode())).containsOnly(405);
        assertThat(body(put).get("error").textValue()).isEqualTo("Method not allowed");
        assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(postItem.headers().firstValue("Allow")).contains("GET, DELETE");
    }

    @Test
    void everyResponseCarriesAUniqueRequestId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.get(secrets).headers().firstValue("x-request-id").orElseThrow());
        }
        ids.add(client.get("/nowhere").headers().firstValue("x-request-id").orElseThrow());

        assertThat(ids).hasSize(6);
    }

    @Test
    void storeSecretSeedsWithoutHttpAndIsVisibleOverHttp() {
        long id = emulator.storeSecret(appId, "SEEDED", "s");

        assertThat(body(client.get(secrets + "/SEEDED")).get("id").longValue()).isEqualTo(id);
    }
}
