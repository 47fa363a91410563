package ai.spice.secrets.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerHintTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @ParameterizedTest(name = "Retry-After \"{0}\", X-RateLimit-Reset \"{1}\" -> {2}")
    @CsvSource(nullValues = "none", value = {
            "0, none, PT0S",
            "7, none, PT7S",
            "1.5, none, PT1.5S",
            "120, none, PT2M",
            "' 3 ', none, PT3S",
            "'Thu, 26 Nov 2026 12:00:30 GMT', none, PT30S",
            "'Thu, 26 Nov 2026 11:59:00 GMT', none, PT0S",
            "none, 1795694410, PT10S",
            "none, 1795694300, PT0S",
            "none, 45, PT45S",
            "5, 1795694410, PT5S",
            "soon, 1795694420, PT20S",
            "-1, none, none",
            "soon, none, none",
            "none, later, none",
            "none, none, none",
    })
    void readsRetryAfterSecondsOrDateThenRateLimitReset(String retryAfter, String reset, String expected) {
        Map<String, List<String>> map = new HashMap<>();
        if (retryAfter != null) {
            map.put("Retry-After", List.of(retryAfter));
        }
        if (reset != null) {
            map.put("X-RateLimit-Reset", List.of(reset));
        }
        HttpHeaders headers = HttpHeaders.of(map, (name, value) -> true);
        assertThat(ServerHint.from(headers, NOW)).isEqualTo(Optional.ofNullable(expected).map(Duration::parse));
    }
}
