package ai.spice.secrets.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceIoException;
import ai.spice.secrets.errors.SpiceTimeoutException;
import ai.spice.secrets.internal.http.ErrorMapper;
import ai.spice.secrets.internal.http.RawResponse;
import ai.spice.secrets.internal.http.ServerHint;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole wait decision as one table: a failure (status or transport fault) on attempt n, the server's headers,
 * and the jitter draw give the delay before the next attempt, or "stop".
 */
class RetryRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final RetryPolicy POLICY = RetryPolicy.defaults();

    @ParameterizedTest(name = "{0} on attempt {1}, Retry-After \"{2}\", X-RateLimit-Reset \"{3}\", random {4} -> {5}")
    @CsvSource(nullValues = "-", value = {
            // failure, attempt, Retry-After, X-RateLimit-Reset, random, delay (ISO) or stop
            "503, 1, -, -, 0.5, PT0.5S",
            "503, 2, -, -, 0.5, PT1S",
            "503, 3, -, -, 0.5, stop",
            "503, 1, -, -, 0.0, PT0.375S",
            "503, 1, -, -, 1.0, PT0.625S",
            "500, 1, -, -, 0.5, PT0.5S",
            "502, 2, -, -, 0.0, PT0.75S",
            "504, 1, -, -, 0.5, PT0.5S",
            "408, 1, -, -, 0.5, PT0.5S",
            "429, 1, -, -, 0.5, PT0.5S",
            "429, 1, 7, -, 0.9, PT7S",
            "429, 2, 0, -, 0.5, PT0S",
            "429, 1, 60, -, 0.5, PT1M",
            "429, 1, 61, -, 0.5, stop",
            "429, 1, 'Thu, 26 Nov 2026 12:00:30 GMT', -, 0.5, PT30S",
            "429, 1, 'Thu, 26 Nov 2026 12:05:00 GMT', -, 0.5, stop",
            "429, 1, 'Thu, 26 Nov 2026 11:00:00 GMT', -, 0.5, PT0S",
            "429, 1, -, 1795694412, 0.5, PT12S",
            "429, 1, -, 1795694520, 0.5, stop",
            "429, 1, -, 5, 0.5, PT5S",
            "429, 1, 2, 1795694450, 0.5, PT2S",
            "429, 1, garbage, -, 0.5, PT0.5S",
            "503, 1, 3, -, 0.5, PT3S",
            "429, 3, 1, -, 0.5, stop",
            "400, 1, -, -, 0.5, stop",
            "401, 1, -, -, 0.5, stop",
            "403, 1, -, -, 0.5, stop",
            "404, 1, 1, -, 0.5, stop",
            "409, 1, -, -, 0.5, stop",
            "422, 1, -, -, 0.5, stop",
            "501, 1, -, -, 0.5, stop",
            "505, 1, -, -, 0.5, stop",
            "301, 1, -, -, 0.5, stop",
            "302, 1, -, -, 0.5, stop",
            "307, 1, -, -, 0.5, stop",
            "308, 1, -, -, 0.5, stop",
            "405, 1, -, -, 0.5, stop",
            "413, 1, 1, -, 0.5, stop",
            "io, 1, -, -, 0.5, PT0.5S",
            "io, 2, -, -, 0.5, PT1S",
            "timeout, 1, -, -, 0.5, PT0.5S",
            "timeout, 3, -, -, 0.5, stop",
            "interrupted, 1, -, -, 0.5, stop",
    })
    void decidesTheWaitOrStops(String failure, int attempt, String retryAfter, String reset, double random, String expected) {
        Map<String, List<String>> headers = new HashMap<>();
        if (retryAfter != null) {
            headers.put("Retry-After", List.of(retryAfter));
        }
        if (reset != null) {
            headers.put("X-RateLimit-Reset", List.of(reset));
        }
        HttpHeaders http = HttpHeaders.of(headers, (name, value) -> true);
        Optional<Duration> hint = ServerHint.from(http, NOW);
        Optional<Duration> delay = RetryRules.next(failure(failure, http), attempt, POLICY, hint, random);
        assertThat(delay).isEqualTo(expected.equals("stop") ? Optional.empty() : Optional.of(Duration.parse(expected)));
    }

    private static SpiceException failure(String kind, HttpHeaders headers) {
        return switch (kind) {
            case "io" -> new SpiceIoException("reset", new java.io.IOException("reset"));
            case "timeout" -> new SpiceTimeoutException("timed out", null);
            case "interrupted" -> new SpiceIoException("interrupted", new InterruptedException());
            default -> ErrorMapper.map(new RawResponse(Integer.parseInt(kind), headers, new byte[0]), "GET", "/v1/apps/1/secrets",
                    "secrets:read", ServerHint.from(headers, NOW));
        };
    }
}
