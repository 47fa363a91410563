package ai.spice.secrets.bulk;

import static ai.spice.secrets.bulk.WireClients.APP;
import static ai.spice.secrets.bulk.WireClients.SECRETS_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.BadRequestException;
import ai.spice.secrets.errors.BulkFailureException;
import ai.spice.secrets.errors.InternalServerException;
import ai.spice.secrets.errors.InvalidSecretNameException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BulkHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CANARY = "canary-value-9f8e7d";

    @BeforeEach
    void answerEveryUpsertWithItsSecret() {
        server.stubFor(post(urlPathEqualTo(SECRETS_PATH)).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(WireClients.upsertEcho()).withTransformers("response-template")));
    }

    @Test
    void storesEverySecretAndReportsThemInInputOrder() {
        Map<String, SecretValue> secrets = secrets(20);
        BulkResult result;
        try (SecretsClient client = WireClients.client(server)) {
            result = client.upsertAll(APP, secrets);
        }
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.succeeded().keySet()).containsExactlyElementsOf(secrets.keySet());
        result.succeeded().forEach((name, secret) -> assertThat(secret.name()).isEqualTo(name));
        assertThat(result.total()).isEqualTo(20);
        assertThat(result.successCount()).isEqualTo(20);
        server.verify(20, postRequestedFor(urlPathEqualTo(SECRETS_PATH)));
        server.verify(postRequestedFor(urlPathEqualTo(SECRETS_PATH))
                .withRequestBody(equalToJson("{\"name\":\"KEY_7\",\"value\":\"value-7\"}")));
        assertThat(result.throwIfFailed()).isSameAs(result);
    }

    @Test
    void reportsAFailedSecretByNameWhileTheOthersSucceed() {
        server.stubFor(post(urlPathEqualTo(SECRETS_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.name", equalTo("KEY_3")))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"Validation error\"}")));
        Map<String, SecretValue> secrets = secrets(6);
        secrets.put("KEY_3", SecretValue.of(CANARY));
        BulkResult result;
        try (SecretsClient client = WireClients.client(server)) {
            result = client.upsertAll(APP, secrets);
        }
        assertThat(result.failed()).containsOnlyKeys("KEY_3");
        assertThat(result.failed().get("KEY_3")).isInstanceOf(BadRequestException.class);
        assertThat(result.succeeded()).hasSize(5).doesNotContainKey("KEY_3");
        assertThat(result.skipped()).isEmpty();
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.toString()).isEqualTo(
                "BulkResult[total=6, succeeded=5, failed=1 {KEY_3=BadRequestException}, skipped=0]");
        assertThatThrownBy(result::throwIfFailed)
                .isInstanceOfSatisfying(BulkFailureException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("1 of 6 secrets failed: KEY_3 (BadRequestException)");
                    assertThat(e.getCause()).isSameAs(result.failed().get("KEY_3"));
                    assertThat(e.failures()).containsOnlyKeys("KEY_3");
                    assertThat(e.total()).isEqualTo(6);
                })
                .hasMessageNotContaining(CANARY);
    }

    @Test
    void retriesEachSecretWithTheClientsPolicy() {
        server.stubFor(post(urlPathEqualTo(SECRETS_PATH)).atPriority(1).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).withRequestBody(matchingJsonPath("$.name", equalTo("FLAKY")))
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        server.stubFor(post(urlPathEqualTo(SECRETS_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.name", equalTo("DOWN")))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"unavailable\"}")));
        Map<String, SecretValue> secrets = new LinkedHashMap<>();
        secrets.put("FLAKY", SecretValue.of("f"));
        secrets.put("DOWN", SecretValue.of("d"));
        secrets.put("FINE", SecretValue.of("x"));
        BulkResult result;
        try (SecretsClient client = WireClients.client(server)) {
            result = client.upsertAll(APP, secrets);
        }
        assertThat(result.succeeded()).containsOnlyKeys("FLAKY", "FINE");
        assertThat(result.failed().get("DOWN")).isInstanceOf(InternalServerException.class);
        assertThat(result.failed().get("DOWN").getSuppressed()).hasSize(WireClients.FAST_RETRIES.maxAttempts() - 1);
        server.verify(2, postRequestedFor(urlPathEqualTo(SECRETS_PATH))
                .withRequestBody(matchingJsonPath("$.name", equalTo("FLAKY"))));
        server.verify(3, postRequestedFor(urlPathEqualTo(SECRETS_PATH))
                .withRequestBody(matchingJsonPath("$.name", equalTo("DOWN"))));
    }

    @Test
    void stopAtFirstFailureSendsNothingMoreAndListsTheRestAsSkipped() {
        server.stubFor(post(urlPathEqualTo(SECRETS_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.name", equalTo("KEY_0")))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"Validation error\"}")));
        BulkOptions options = BulkOptions.builder().concurrency(1).failureMode(FailureMode.STOP_AT_FIRST_FAILURE).build();
        BulkResult result;
        try (SecretsClient client = WireClients.client(server)) {
            result = client.upsertAll(APP, secrets(5), options);
        }
        assertThat(result.failed()).containsOnlyKeys("KEY_0");
        assertThat(result.skipped()).containsExactly("KEY_1", "KEY_2", "KEY_3", "KEY_4");
        assertThat(result.total()).isEqualTo(5);
        server.verify(1, postRequestedFor(urlPathEqualTo(SECRETS_PATH)));
    }

    @Test
    void reportsEveryInvalidNameAtOnceAndSendsNothing() {
        Map<String, SecretValue> secrets = new LinkedHashMap<>();
        secrets.put("GOOD", SecretValue.of("v"));
        secrets.put("my-secret", SecretValue.of("v"));
        secrets.put("api.key", SecretValue.of("v"));
        secrets.put("123-invalid", SecretValue.of("v"));
        secrets.put("", SecretValue.of("v"));
        try (SecretsClient client = WireClients.client(server)) {
            assertThatThrownBy(() -> client.upsertAll(APP, secrets))
                    .isInstanceOfSatisfying(InvalidSecretNameException.class, e -> {
                        assertThat(e.names()).containsExactly("my-secret", "api.key", "123-invalid", "");
                        assertThat(e.getMessage()).isEqualTo("4 invalid secret names: \"my-secret\", \"api.key\","
                                + " \"123-invalid\", \"\"; names must match ^[a-zA-Z_][a-zA-Z0-9_]*$ (nothing was sent)");
                    });
            assertThatThrownBy(() -> client.async().upsertAll(APP, secrets)).isInstanceOf(InvalidSecretNameException.class);
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void checksEveryArgumentBeforeSending() {
        Map<String, SecretValue> nullValue = new LinkedHashMap<>();
        nullValue.put("A", SecretValue.of("a"));
        nullValue.put("API_KEY", null);
        Map<String, SecretValue> nullName = new HashMap<>();
        nullName.put(null, SecretValue.of("a"));
        try (SecretsClient client = WireClients.client(server)) {
            assertThatThrownBy(() -> client.upsertAll(0, secrets(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("appId must be positive, was 0");
            assertThatThrownBy(() -> client.upsertAll(APP, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("secrets");
            assertThatThrownBy(() -> client.upsertAll(APP, secrets(1), null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("options");
            assertThatThrownBy(() -> client.upsertAll(APP, nullValue)).isInstanceOf(NullPointerException.class)
                    .hasMessage("secrets has a null value for API_KEY");
            assertThatThrownBy(() -> client.upsertAll(APP, nullName)).isInstanceOf(NullPointerException.class)
                    .hasMessage("secrets contains a null name");
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void reportsProgressOncePerSecretWithDoneCountingUp() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        List<String> names = Collections.synchronizedList(new ArrayList<>());
        List<Integer> totals = Collections.synchronizedList(new ArrayList<>());
        BulkOptions options = BulkOptions.builder().concurrency(4).progress((count, total, name) -> {
            done.add(count);
            names.add(name);
            totals.add(total);
        }).build();
        Map<String, SecretValue> secrets = secrets(30);
        try (SecretsClient client = WireClients.client(server)) {
            client.upsertAll(APP, secrets, options).throwIfFailed();
        }
        assertThat(done).containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(names).containsExactlyInAnyOrderElementsOf(secrets.keySet());
        assertThat(totals).containsOnly(30);
    }

    @Test
    void asyncVariantCompletesWithTheSameResult() throws Exception {
        BulkResult result;
        try (SecretsClient client = WireClients.client(server)) {
            result = client.async().upsertAll(APP, secrets(3)).get(30, TimeUnit.SECONDS);
        }
        assertThat(result.succeeded()).containsOnlyKeys("KEY_0", "KEY_1", "KEY_2");
    }

    @Test
    void aClosedClientRefusesTheWholeOperation() {
        SecretsClient client = WireClients.client(server);
        client.close();
        assertThatThrownBy(() -> client.upsertAll(APP, secrets(3))).isInstanceOf(IllegalStateException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private static Map<String, SecretValue> secrets(int count) {
        Map<String, SecretValue> secrets = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> secrets.put("KEY_" + i, SecretValue.of("value-" + i)));
        return secrets;
    }
}
