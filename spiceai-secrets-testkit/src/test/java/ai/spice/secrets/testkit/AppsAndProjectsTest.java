package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /v1/apps} and {@code /v1/projects}: the same apps, read-only; only the list key differs. */
class AppsAndProjectsTest {

    private final MutableClock clock = MutableClock.at("2026-08-01T09:00:00Z");
    private SecretsEmulator emulator;
    private CheckedClient reader;
    private long first;
    private long second;
    private long elsewhere;

    @BeforeEach
    void start() {
        emulator = SecretsEmulator.builder().clock(clock).build();
        first = emulator.createApp("web");
        second = emulator.createApp("batch");
        elsewhere = emulator.createOrganization("acme").createApp("theirs");
        reader = CheckedClient.of(emulator, emulator.issueToken("apps:read"));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apps", "projects"})
    void listShowsTheAppsOfTheCallersOrganizationUnderThePrefixsKey(String prefix) {
        Contract.Exchange list = reader.get("/v1/" + prefix);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().properties()).extracting(Map.Entry::getKey).containsExactly(prefix);
        List<Long> ids = new ArrayList<>();
        list.json().get(prefix).forEach(app -> {
            ids.add(app.get("id").longValue());
            assertThat(app.get("org").textValue()).isEqualTo("emulator");
            assertThat(app.has("config")).as("list items carry no config").isFalse();
        });
        assertThat(ids).containsExactly(first, second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apps", "projects"})
    void listOfAnOrganizationWithoutAppsIsAnEmptyArray(String prefix) {
        Organization empty = emulator.createOrganization("empty");

        Contract.Exchange list = CheckedClient.of(emulator, empty.issueToken("apps:read")).get("/v1/" + prefix);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"" + prefix + "\":[]}");
    }

    @Test
    void oneAppIsTheSameObjectUnderBothPrefixesWithItsConfig() {
        Contract.Exchange app = reader.get("/v1/apps/" + first);
        Contract.Exchange project = reader.get("/v1/projects/" + first);

        assertThat(app.status()).isEqualTo(200);
        assertThat(project.body()).isEqualTo(app.body());
        JsonNode body = app.json();
        assertThat(body.get("id").isIntegralNumber()).as("an integer id, as the Go clients decode it").isTrue();
        assertThat(body.get("name").textValue()).isEqualTo("web");
        assertThat(body.get("org").textValue()).isEqualTo("emulator");
        assertThat(body.get("created_at").textValue()).isEqualTo("2026-08-01T09:00:00.000Z");
        assertThat(body.get("visibility").textValue()).isEqualTo("private");
        assertThat(body.get("region").textValue()).isEqualTo("us-west-2");
        assertThat(body.get("cname").textValue()).isEqualTo("us-west-2-prod-aws-data");
        assertThat(body.get("config").get("spicepod").isObject()).as("an object, never a YAML string").isTrue();
        assertThat(body.has("api_key")).isFalse();
    }

    @Test
    void appsLeaveOrgOutWhenTheEmulatorIsSetTo() {
        try (SecretsEmulator plain = SecretsEmulator.builder().appOrgField(false).build()) {
            long app = plain.createApp("plain");
            CheckedClient client = CheckedClient.of(plain, plain.issueToken("apps:read"));

            assertThat(client.get("/v1/projects/" + app).json().has("org")).isFalse();
            assertThat(client.get("/v1/projects").json().get("projects").get(0).has("org")).isFalse();
        }
    }

    /** Each row: the prefix, then the 404 text Spice uses under it. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"apps, App not found", "projects, Project not found"})
    void unknownAppOrOneOfAnotherOrganizationIs404InThePrefixsWords(String prefix, String message) {
        CheckedClient everything = CheckedClient.of(emulator, emulator.issueToken("*"));
        for (String path : List.of("/v1/" + prefix + "/999999", "/v1/" + prefix + "/" + elsewhere,
                "/v1/" + prefix + "/" + elsewhere + "/secrets", "/v1/" + prefix + "/999999/secrets/A")) {
            Contract.Exchange missing = everything.get(path);

            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.body()).as(path).isEqualTo("{\"error\":\"" + message + "\"}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void appIdThatIsNotAPositiveIntegerIs400(String id) {
        Contract.Exchange invalid = reader.forbiddenRequests().get("/v1/projects/" + id);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).isEqualTo("{\"error\":\"Invalid app ID\"}");
    }

    /** Each row: the token's scopes (space separated, "-" for none), then the status of a list and of one app. */
    @ParameterizedTest(name = "scopes [{0}]: {1}")
    @CsvSource({
        "apps:read,                  200",
        "*,                          200",
        "apps:read secrets:read,     200",
        "secrets:read,               403",
        "secrets:write,              403",
        "-,                          403",
    })
    void appsNeedTheAppsReadScope(String scopes, int status) {
        CheckedClient client = CheckedClient.of(emulator,
                emulator.issueToken("-".equals(scopes) ? new String[0] : scopes.split(" ")));

        Contract.Exchange list = client.get("/v1/apps");
        Contract.Exchange one = client.get("/v1/projects/" + first);

        assertThat(List.of(list.status(), one.status())).containsOnly(status);
        if (status == 403) {
            assertThat(list.body()).isEqualTo(
                    "{\"error\":\"Insufficient scope. Required: apps:read\",\"code\":\"insufficient_scope\"}");
        }
    }

    @Test
    void appsWithoutATokenAre401() {
        Contract.Exchange list = CheckedClient.anonymous(emulator).get("/v1/projects");

        assertThat(list.status()).isEqualTo(401);
        assertThat(list.body()).isEqualTo("{\"error\":\"Missing Authorization header\"}");
    }

    @Test
    void bodilessRequestsWithTheHeadersOfSpicesGoClientsAreServed() {
        CheckedClient terraform = reader.header("Content-Type", "application/json").header("Accept", "application/json");

        assertThat(terraform.get("/v1/apps").status()).isEqualTo(200);
        assertThat(terraform.get("/v1/apps/" + first).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"POST, /v1/projects", "DELETE, /v1/projects/1", "PUT, /v1/apps/1"})
    void appsAreReadOnly(String method, String path) {
        // The emulator does not create or delete apps over HTTP (its test code does), so these answers are outside
        // the contract, which declares 201 and 204 for them.
        Contract.Exchange refused = Contract.send(emulator.baseUrl(), method, path,
                Map.of("Authorization", "Bearer " + emulator.issueToken("*")), null);

        assertThat(refused.status()).isEqualTo(405);
        assertThat(refused.header("Allow")).contains("GET");
        assertThat(refused.json().get("error").textValue()).isEqualTo("Method not allowed");
    }

    @Test
    void projectSecretsAreTheSameStoreAsAppSecretsAsSpicesCliResolvesThem() {
        CheckedClient cli = CheckedClient.of(emulator, emulator.issueToken("apps:read", "secrets:write"));
        JsonNode resolved = null;
        for (JsonNode app : cli.get("/v1/apps").json().get("apps")) {
            if ("emulator/web".equals(app.get("org").textValue() + "/" + app.get("name").textValue())) {
                resolved = app;
            }
        }
        assertThat(resolved).isNotNull();
        long id = resolved.get("id").longValue();

        assertThat(cli.post("/v1/projects/" + id + "/secrets", "{\"name\":\"VIA_PROJECT\",\"value\":\"p\"}").status())
                .isEqualTo(200);

        assertThat(cli.get("/v1/apps/" + id + "/secrets/VIA_PROJECT").status()).isEqualTo(200);
        assertThat(emulator.storedValue(first, "VIA_PROJECT")).contains("p");
    }
}
