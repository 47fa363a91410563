package ai.spice.secrets.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.testkit.ClientCredentials;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The attributes of {@link SecretsEmulatorTest}: what each sets on the emulator, and what is refused. */
class SettingsTest {

    private static final List<String> ATTRIBUTES =
            List.of("latencyMillis", "rateLimit", "rateLimitWindowMillis", "tokenLifetimeSeconds", "port");

    @Nested
    @SecretsEmulatorTest(latencyMillis = 100, rateLimit = 2, rateLimitWindowMillis = 600_000, tokenLifetimeSeconds = 90)
    class Attributes {

        @Test
        void latencyRateLimitAndTokenLifetimeReachTheEmulator(SecretsEmulator emulator, @AppId long appId,
                SecretsClient client) throws Exception {
            long started = System.nanoTime();
            assertThat(client.list(appId)).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(client.list(appId)).isEqualTo(200);
            assertThat(client.list(appId)).as("beyond 2 requests per window").isEqualTo(429);
            assertThat(accessTokenLifetime(emulator)).isEqualTo(90);
        }
    }

    @Test
    void portIsTheOneAsked() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (SecretsEmulator emulator = Settings.of(0, 0, 60_000, 3_600, port, EmulatorLifecycle.PER_CLASS).start()) {
            assertThat(emulator.port()).isEqualTo(port);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "latencyMillis,         -1,    0 or more",
            "rateLimit,             -1,    0 or more",
            "rateLimitWindowMillis, 0,     1 or more",
            "tokenLifetimeSeconds,  0,     1 or more",
            "port,                  -1,    0 or more",
            "port,                  65536, 0 to 65535"})
    void aBadAttributeIsRefusedNamingItAndItsValue(String attribute, int value, String rule) {
        long[] values = {0, 0, 60_000, 3_600, 0};
        values[ATTRIBUTES.indexOf(attribute)] = value;

        assertThatThrownBy(() -> Settings.of(values[0], (int) values[1], values[2], values[3], (int) values[4],
                EmulatorLifecycle.PER_CLASS))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@SecretsEmulatorTest(" + attribute + " = " + value + "): must be " + rule);
    }

    @Test
    void aBadAttributeFailsTheClass() {
        FixtureRun run = FixtureRun.sequential(NegativeLatency.class);

        assertThat(run.failures()).singleElement().asString()
                .contains("ExtensionConfigurationException", "@SecretsEmulatorTest(latencyMillis = -5): must be 0 or more");
    }

    /** The {@code expires_in} of an access token from the emulator's OAuth endpoint. */
    private static int accessTokenLifetime(SecretsEmulator emulator) throws Exception {
        ClientCredentials credentials = emulator.registerClient("secrets:read");
        String form = "grant_type=client_credentials&client_id=" + credentials.clientId()
                + "&client_secret=" + credentials.clientSecret();
        HttpRequest request = HttpRequest.newBuilder(emulator.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher expiresIn = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)").matcher(body);
        assertThat(expiresIn.find()).as(body).isTrue();
        return Integer.parseInt(expiresIn.group(1));
    }

    @SecretsEmulatorTest(latencyMillis = -5)
    static class NegativeLatency {

        @Test
        void test() {}
    }
}
