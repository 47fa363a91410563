package ai.spice.secrets.internal;

import ai.spice.secrets.SecretsClient;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Clients for WireMock-backed tests: no real sleeping, no jitter. */
final class TestClients {

    static final String TOKEN = "test-token-123";

    private TestClients() {
    }

    static ClientBuilder builder(WireMockExtension server, RecordingScheduler scheduler) {
        return new ClientBuilder()
                .baseUrl(server.baseUrl())
                .token(TOKEN)
                .scheduler(scheduler)
                .random(() -> 0.5);
    }

    static SecretsClient client(WireMockExtension server) {
        return builder(server, new RecordingScheduler()).build();
    }

    /** Every operation, sync and async. */
    static Stream<Arguments> operationsAndModes() {
        return Stream.of(Op.values()).flatMap(op -> Stream.of(Op.Mode.values()).map(mode -> Arguments.of(op, mode)));
    }
}
