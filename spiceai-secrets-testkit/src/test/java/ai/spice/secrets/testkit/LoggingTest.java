package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {

    private static final String CANARY_VALUE = "canary-value-7f3a9";

    private final Logger logger = (Logger) LoggerFactory.getLogger("ai.spice.secrets.testkit");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    @Test
    void logsOneDebugLinePerRequestAndNeverAValueTokenOrClientSecret() {
        List<String> secrets;
        try (SecretsEmulator emulator = SecretsEmulator.start()) {
            long appId = emulator.createApp("logs");
            String token = emulator.issueToken("*");
            ClientCredentials credentials = emulator.registerClient("*");
            ApiClient client = ApiClient.of(emulator, token);
            String path = "/v1/apps/" + appId + "/secrets";
            client.upsert(appId, "CANARY", CANARY_VALUE);
            client.get(path + "/CANARY");
            client.post(path, "{\"name\":\"bad-name\",\"value\":\"" + CANARY_VALUE + "\"}");
            client.post(path, "{\"name\":\"X\",\"value\":\"" + CANARY_VALUE + "\"");
            emulator.faults().next(1, path, Fault.dropConnectionAfterApply());
            catchThrowable(() -> client.upsert(appId, "CANARY", CANARY_VALUE));
            String accessToken = OAuthTokenTest.accessToken(emulator, credentials);
            ApiClient.of(emulator, accessToken).delete(path + "/CANARY");
            secrets = List.of(CANARY_VALUE, token, accessToken, credentials.clientSecret());
        }

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("POST /v1/apps/\\d+/secrets -> 200 \\(\\d+ ms\\)"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("GET /v1/apps/\\d+/secrets/CANARY -> 200.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("POST /v1/apps/\\d+/secrets -> 400.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("-> 200, connection dropped"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("DELETE .* -> 204.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("POST /api/oauth/token -> 200"));
        for (String secret : secrets) {
            assertThat(String.join("\n", lines)).doesNotContain(secret);
        }
    }
}
