package ai.spice.secrets.testkit;

import static ai.spice.secrets.testkit.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    private static final String NAME_RULE =
            "Secret name must start with a letter or underscore and contain only letters, numbers and underscores";

    private static SecretsEmulator emulator;
    private static ApiClient client;
    private String secrets;
    private long appId;

    @BeforeAll
    static void start() {
        emulator = SecretsEmulator.start();
        client = ApiClient.of(emulator, emulator.issueToken("secrets:write"));
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
        "`{\"name\":\"123-invalid\",\"value\":\"v\"}` | `{\"name\":[\"" + NAME_RULE + "\"]}` | `[]`",
        "`{\"name\":\"my-secret\",\"value\":\"v\"}`   | `{\"name\":[\"" + NAME_RULE + "\"]}` | `[]`",
        "`{\"name\":\"api.key\",\"value\":\"v\"}`     | `{\"name\":[\"" + NAME_RULE + "\"]}` | `[]`",
        "`{\"name\":\"\",\"value\":\"v\"}`            | `{\"name\":[\"" + NAME_RULE + "\"]}` | `[]`",
        "`{\"value\":\"v\"}`                          | `{\"name\":[\"Required\"]}`          | `[]`",
        "`{\"name\":\"A\"}`                           | `{\"value\":[\"Required\"]}`         | `[]`",
        "`{}`                                         | `{\"name\":[\"Required\"],\"value\":[\"Required\"]}` | `[]`",
        "`{\"name\":42,\"value\":\"v\"}`              | `{\"name\":[\"Expected string, received number\"]}` | `[]`",
        "`{\"name\":\"A\",\"value\":null}`            | `{\"value\":[\"Expected string, received null\"]}` | `[]`",
        "`{\"name\":\"A\",\"value\":{\"x\":1}}`       | `{\"value\":[\"Expected string, received object\"]}` | `[]`",
        "`{\"name\":\"A\",\"value\":\"v\",\"extra\":1}` | `{}` | `[\"Unrecognized key(s) in object: 'extra'\"]`",
        "`[1,2]`                                      | `{}` | `[\"Expected object, received array\"]`",
        "`\"text\"`                                   | `{}` | `[\"Expected object, received string\"]`",
    })
    void invalidBodyIs400ValidationErrorWithZodDetails(String body, String fieldErrors, String formErrors) {
        HttpResponse<String> response = client.post(secrets, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"Validation error\",\"details\":{\"fieldErrors\":"
                + fieldErrors + ",\"formErrors\":" + formErrors + "}}");
        assertThat(emulator.secretNames(appId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"name\":\"A\",}", "not json", "{\"name\":\"A\",\"value\":\"v\"} trailing"})
    void malformedJsonIs400InvalidJsonBody(String body) {
        HttpResponse<String> response = client.post(secrets, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"Invalid JSON body\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATABASE_URL", "AWS_ACCESS_KEY_ID", "_internal_api_key", "stripe_api_key_v2", "x"})
    void documentedValidNamesAreAccepted(String name) {
        assertThat(client.upsert(appId, name, "v").statusCode()).isEqualTo(200);
    }

    @Test
    void emptyValueIsAccepted() {
        assertThat(client.upsert(appId, "EMPTY", "").statusCode()).isEqualTo(200);
        assertThat(emulator.storedValue(appId, "EMPTY")).contains("");
    }

    @Test
    void fiveMegabyteValueWithAwkwardCharactersRoundTripsIntact() {
        String awkward = "nul\u0000 emoji \uD83D\uDD11 quote\" backslash\\ newline\n tab\t é ";
        StringBuilder builder = new StringBuilder(5 * 1024 * 1024 + awkward.length());
        while (builder.length() < 5 * 1024 * 1024) {
            builder.append(awkward);
        }
        String value = builder.toString();
        Map<String, String> input = new LinkedHashMap<>();
        input.put("name", "BIG");
        input.put("value", value);

        HttpResponse<String> response = client.post(secrets, ApiClient.json(input));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("value").textValue()).isEqualTo("**********");
        assertThat(emulator.storedValue(appId, "BIG")).hasValueSatisfying(stored -> {
            assertThat(stored.length()).isEqualTo(value.length());
            assertThat(stored).isEqualTo(value);
        });
    }

    @Test
    void bodyOver32MegabytesIs413() {
        byte[] huge = new byte[32 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');

        HttpResponse<String> response = ApiClient.send(client.request(secrets)
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"Request body too large\"}");
    }

    @Test
    void bodyIsReadAsUtf8() {
        String json = "{\"name\":\"UTF\",\"value\":\"日本語 \uD83D\uDE00\"}";

        HttpResponse<String> response = ApiClient.send(client.request(secrets)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.storedValue(appId, "UTF")).contains("日本語 \uD83D\uDE00");
    }
}
