package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UpsertValidationTest {

    /** Spice's docs, word for word. */
    private static final String NAME_RULE = "Secret name must start with a letter or underscore";
    private static final int MIB = 1024 * 1024;

    private static SecretsEmulator emulator;
    private static String token;
    private static CheckedClient client;
    private String secrets;
    private long appId;

    @BeforeAll
    static void start() {
        emulator = SecretsEmulator.start();
        token = emulator.issueToken("secrets:write");
        client = CheckedClient.of(emulator, token);
    }

    @BeforeEach
    void newApp() {
        appId = emulator.createApp("validation");
        secrets = "/v1/apps/" + appId + "/secrets";
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"name\":\"123-invalid\",\"value\":\"v\"}` | `{\"fieldErrors\":{\"name\":[\"" + NAME_RULE + "\"]}}`",
        "`{\"name\":\"my-secret\",\"value\":\"v\"}`   | `{\"fieldErrors\":{\"name\":[\"" + NAME_RULE + "\"]}}`",
        "`{\"name\":\"api.key\",\"value\":\"v\"}`     | `{\"fieldErrors\":{\"name\":[\"" + NAME_RULE + "\"]}}`",
        "`{\"name\":\"\",\"value\":\"v\"}`            | `{\"fieldErrors\":{\"name\":[\"" + NAME_RULE + "\"]}}`",
        "`{\"value\":\"v\"}`                          | `{\"fieldErrors\":{\"name\":[\"Required\"]}}`",
        "`{\"name\":\"A\"}`                           | `{\"fieldErrors\":{\"value\":[\"Required\"]}}`",
        "`{}`                                         | `{\"fieldErrors\":{\"name\":[\"Required\"],\"value\":[\"Required\"]}}`",
        "`{\"name\":42,\"value\":\"v\"}`              | `{\"fieldErrors\":{\"name\":[\"Expected string, received number\"]}}`",
        "`{\"name\":\"A\",\"value\":null}`            | `{\"fieldErrors\":{\"value\":[\"Expected string, received null\"]}}`",
        "`{\"name\":\"A\",\"value\":{\"x\":1}}`       | `{\"fieldErrors\":{\"value\":[\"Expected string, received object\"]}}`",
        "`[1,2]`                                      | `{\"fieldErrors\":{},\"formErrors\":[\"Expected object, received array\"]}`",
        "`\"text\"`                                   | `{\"fieldErrors\":{},\"formErrors\":[\"Expected object, received string\"]}`",
    })
    void invalidBodyIs400ValidationErrorInTheDocsForm(String body, String details) {
        Contract.Exchange response = client.forbiddenRequests().post(secrets, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"Validation error\",\"details\":" + details + "}");
        assertThat(emulator.secretNames(appId)).isEmpty();
    }

    @Test
    void invalidNameAnswersExactlyTheBodyOfSpicesDocs() {
        Contract.Exchange response = client.forbiddenRequests().post(secrets, "{\"name\":\"123-invalid\",\"value\":\"v\"}");

        assertThat(response.body()).isEqualTo("{\"error\":\"Validation error\",\"details\":{\"fieldErrors\":"
                + "{\"name\":[\"Secret name must start with a letter or underscore\"]}}}");
    }

    @Test
    void unknownKeysInAnUpsertAreIgnoredByDefault() {
        Contract.Exchange response = client.post(secrets, "{\"name\":\"A\",\"value\":\"v\",\"extra\":1,\"tags\":{}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("extra");
        assertThat(emulator.storedValue(appId, "A")).contains("v");
    }

    @Test
    void unknownKeysAreA400WhenTheEmulatorIsSetToRejectThem() {
        try (SecretsEmulator strict = SecretsEmulator.builder().rejectUnknownBodyKeys(true).build()) {
            long app = strict.createApp("strict");

            Contract.Exchange response = CheckedClient.of(strict, strict.issueToken("*"))
                    .post("/v1/apps/" + app + "/secrets", "{\"name\":\"A\",\"value\":\"v\",\"extra\":1}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"Validation error\",\"details\":{\"fieldErrors\":{},"
                    + "\"formErrors\":[\"Unrecognized key(s) in object: 'extra'\"]}}");
            assertThat(strict.secretNames(app)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"name\":\"A\",}", "not json"})
    void malformedJsonIs400InvalidJsonBody(String body) {
        Contract.Exchange response = client.forbiddenRequests().post(secrets, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"Invalid JSON body\"}");
    }

    @Test
    void jsonWithTrailingTextIs400InvalidJsonBody() {
        // The validator reads the first JSON value and ignores the rest, so only the answer can be checked here.
        Contract.Exchange response = Contract.send(emulator.baseUrl(), "POST", secrets,
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                "{\"name\":\"A\",\"value\":\"v\"} trailing");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"Invalid JSON body\"}");
        assertThat(Contract.responseProblems(response)).isEmpty();
        assertThat(emulator.secretNames(appId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATABASE_URL", "AWS_ACCESS_KEY_ID", "_internal_api_key", "stripe_api_key_v2", "x"})
    void documentedValidNamesAreAccepted(String name) {
        assertThat(client.post(secrets, upsert(name, "v")).status()).isEqualTo(200);
    }

    @Test
    void emptyValueIsAccepted() {
        assertThat(client.post(secrets, upsert("EMPTY", "")).status()).isEqualTo(200);
        assertThat(emulator.storedValue(appId, "EMPTY")).contains("");
    }

    /** Each row: the route (of the secrets document only, or of both documents), then the body size past the limit. */
    @ParameterizedTest(name = "{0}, {1} byte(s) over")
    @CsvSource({"apps, 0", "apps, 1", "projects, 0", "projects, 1", "projects, 1000"})
    void bodyUpToOneMebibyteIsServedAndOneByteMoreIs413(String prefix, int over) {
        String path = "/v1/" + prefix + "/" + appId + "/secrets";
        String body = bodyOfBytes("LIMIT", MIB + over);

        Contract.Exchange response = client.post(path, body);

        if (over == 0) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(emulator.storedValue(appId, "LIMIT")).isPresent();
        } else {
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).isEqualTo("{\"error\":\"Request body exceeds the 1 MiB limit\"}");
            assertThat(emulator.storedValue(appId, "LIMIT")).isEmpty();
        }
    }

    @Test
    void bodyOverTheLimitWithoutAContentLengthIs413Too() {
        byte[] body = bodyOfBytes("CHUNKED", MIB + 1).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = ApiClient.send(ApiClient.of(emulator, token).request(secrets)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"Request body exceeds the 1 MiB limit\"}");
        assertThat(emulator.storedValue(appId, "CHUNKED")).isEmpty();
    }

    @Test
    void bodyLimitIsABuilderSettingAndItsMessageFollowsIt() {
        try (SecretsEmulator small = SecretsEmulator.builder().requestBodyLimit(512 * 1024).build()) {
            String path = "/v1/apps/" + small.createApp("small") + "/secrets";

            Contract.Exchange response = CheckedClient.of(small, small.issueToken("*"))
                    .post(path, bodyOfBytes("A", 512 * 1024 + 1));

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).isEqualTo("{\"error\":\"Request body exceeds the 512 KiB limit\"}");
        }
    }

    @Test
    void fiveMegabyteValueWithAwkwardCharactersRoundTripsIntactUnderARaisedLimit() {
        String awkward = "nul\u0000 emoji \uD83D\uDD11 quote\" backslash\\ newline\n tab\t é ";
        StringBuilder builder = new StringBuilder(5 * MIB + awkward.length());
        while (builder.length() < 5 * MIB) {
            builder.append(awkward);
        }
        String value = builder.toString();
        try (SecretsEmulator large = SecretsEmulator.builder().requestBodyLimit(16 * MIB).build()) {
            long app = large.createApp("large");

            Contract.Exchange response = CheckedClient.of(large, large.issueToken("*"))
                    .post("/v1/apps/" + app + "/secrets", upsert("BIG", value));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("value").textValue()).isEqualTo("**********");
            assertThat(large.storedValue(app, "BIG")).hasValueSatisfying(stored -> {
                assertThat(stored.length()).isEqualTo(value.length());
                assertThat(stored).isEqualTo(value);
            });
        }
    }

    @Test
    void bodyIsReadAsUtf8() {
        String json = "{\"name\":\"UTF\",\"value\":\"日本語 \uD83D\uDE00\"}";

        HttpResponse<String> response = ApiClient.send(ApiClient.of(emulator, token).request(secrets)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.storedValue(appId, "UTF")).contains("日本語 \uD83D\uDE00");
    }

    private static String upsert(String name, String value) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("value", value);
        return ApiClient.json(input);
    }

    /** A valid upsert body of exactly {@code bytes} bytes (ASCII). */
    private static String bodyOfBytes(String name, int bytes) {
        String frame = upsert(name, "");
        return upsert(name, "x".repeat(bytes - frame.length()));
    }
}
