package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.bulk.SyncOptions;
import ai.spice.secrets.errors.PayloadTooLargeException;
import ai.spice.secrets.errors.SecretTooLargeException;
import ai.spice.secrets.testkit.SecretsEmulator;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An upsert whose JSON body would pass the service's 1 MiB limit is refused before anything is sent, naming the
 * secret and never its value; the limit counts the body's bytes as sent (not characters), and is a builder setting.
 */
class RequestLimitHttpTest {

    private static final int MIB = 1 << 20;
    /** {@code {"name":"A","value":""}}: what the body holds besides the value. */
    private static final int OVERHEAD = "{\"name\":\"A\",\"value\":\"\"}".length();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @ParameterizedTest(name = "{0}: {1} x {2}")
    @CsvSource({
            "just under,       x,  1048552, true",
            "exactly at,       x,  1048553, true",
            "just over,        x,  1048554, false",
            "3-byte under,     中, 349517,  true",
            "3-byte over,      中, 349518,  false",
            "escaped quotes,   \", 524276,  true",
            "escaped over,     \", 524277,  false"})
    void theOneMebibyteLimitCountsTheBodysBytes(String what, String unit, int repeat, boolean sent) {
        String value = unit.repeat(repeat);
        long body = OVERHEAD + (long) repeat * wireBytes(unit);
        assertThat(body <= MIB).as("the row's own arithmetic").isEqualTo(sent);
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(SECRET)));
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).build()) {
            if (sent) {
                client.upsert(42, "A", value);
                assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
                assertThat(server.findAll(anyRequestedFor(anyUrl())).get(0).getBody()).hasSize((int) body);
                return;
            }
            assertThatThrownBy(() -> client.upsert(42, "A", value)).isInstanceOfSatisfying(SecretTooLargeException.class,
                    e -> {
                        assertThat(e.name()).isEqualTo("A");
                        assertThat(e.bodyBytes()).isEqualTo(body);
                        assertThat(e.limitBytes()).isEqualTo(MIB);
                        assertThat(e.getMessage()).contains("secret \"A\"", body + " bytes", "1048576 bytes",
                                "nothing was sent").doesNotContain(unit.repeat(8));
                    });
            assertThatThrownBy(() -> client.async().upsert(42, "A", SecretValue.of(value)))
                    .isInstanceOf(SecretTooLargeException.class);
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aBulkRunChecksEverySecretBeforeSendingTheFirst() {
        Map<String, SecretValue> secrets = new LinkedHashMap<>();
        secrets.put("SMALL", SecretValue.of("fine"));
        secrets.put("BIG", SecretValue.of("x".repeat(MIB)));
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).build()) {
            assertThatThrownBy(() -> client.upsertAll(42, secrets)).isInstanceOf(SecretTooLargeException.class)
                    .hasMessageContaining("\"BIG\"");
            assertThatThrownBy(() -> client.async().upsertAll(42, secrets)).isInstanceOf(SecretTooLargeException.class);
            assertThatThrownBy(() -> client.plan(42, secrets, SyncOptions.defaults()))
                    .isInstanceOf(SecretTooLargeException.class);
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void theLimitIsABuilderSetting() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(SECRET)));
        try (SecretsClient small = TestClients.builder(server, new RecordingScheduler()).maxRequestBytes(100).build();
             SecretsClient large = TestClients.builder(server, new RecordingScheduler()).maxRequestBytes(2 * MIB).build()) {
            assertThatThrownBy(() -> small.upsert(42, "A", "x".repeat(100 - OVERHEAD + 1)))
                    .isInstanceOf(SecretTooLargeException.class).hasMessageContaining("over the limit of 100 bytes");
            small.upsert(42, "A", "x".repeat(100 - OVERHEAD));
            large.upsert(42, "A", "x".repeat(MIB));
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
        assertThatThrownBy(() -> new ClientBuilder().maxRequestBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRequestBytes must be positive, was 0");
    }

    @Test
    void theServicesOwn413IsTypedAndNotRetried() {
        try (SecretsEmulator emulator = SecretsEmulator.start();
             SecretsClient client = SecretsClient.builder().baseUrl(emulator.baseUrl())
                     .token(emulator.issueToken("secrets:write")).maxRequestBytes(2 * MIB).build()) {
            long app = emulator.createApp("limits");
            emulator.clearRequests();
            assertThatThrownBy(() -> client.upsert(app, "BIG", "x".repeat(MIB)))
                    .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(413);
                        assertThat(e.serverMessage()).isEqualTo("Request body exceeds the 1 MiB limit");
                    });
            assertThat(emulator.requestCount()).as("not retried").isEqualTo(1);
        }
    }

    /** What one character takes in the body: ASCII as itself ({@code "} escaped: 2 bytes), 中 its 3 bytes of UTF-8. */
    private static int wireBytes(String unit) {
        return unit.equals("x") ? 1 : unit.equals("\"") ? 2 : 3;
    }

    @Test
    void whatIsCountedIsTheBodyAsSentWhateverTheCharacters() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(SECRET)));
        String value = "\ud83d\ude00 emoji, \u00e9, \u4e2d, \u0000 and \\ ".repeat(40_000);
        long refused;
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).build()) {
            refused = catchThrowableOfType(SecretTooLargeException.class, () -> client.upsert(42, "A", value)).bodyBytes();
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).maxRequestBytes(refused).build()) {
            client.upsert(42, "A", value);
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl())).get(0).getBody()).hasSize((int) refused);
    }

    private static final String SECRET = "{\"id\":1,\"name\":\"A\",\"value\":\"***\","
            + "\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}";
}
