package ai.spice.secrets.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private static final RetryPolicy LONG = RetryPolicy.builder().maxAttempts(10).build();

    @ParameterizedTest(name = "retry {0}, random {1} -> {2} ms")
    @CsvSource({
            // retry, random, expected millis (defaults: 500 ms, x2, 8 s cap, 25% jitter)
            "1, 0.5, 500",
            "2, 0.5, 1000",
            "3, 0.5, 2000",
            "4, 0.5, 4000",
            "5, 0.5, 8000",
            "6, 0.5, 8000",
            "9, 0.5, 8000",
            "1, 0.0, 375",
            "1, 1.0, 625",
            "2, 0.0, 750",
            "2, 0.75, 1125",
            "4, 1.0, 5000",
            "5, 1.0, 8000",
            "5, 0.0, 6000",
    })
    void delayGrowsByTheMultiplierWithJitterAndStaysUnderTheCap(int retry, double random, long millis) {
        assertThat(Backoff.delay(LONG, retry, random)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "initial {0} ms, x{1}, cap {2} ms, jitter {3}, retry {4} -> {5} ms")
    @CsvSource({
            "100, 1.0, 100, 0.0, 7, 100",
            "100, 3.0, 10000, 0.0, 3, 900",
            "0, 2.0, 0, 0.5, 4, 0",
            "1000, 2.0, 1500, 0.0, 2, 1500",
            "200, 2.0, 5000, 1.0, 1, 0",
    })
    void delayFollowsEverySetting(long initial, double multiplier, long cap, double jitter, int retry, long millis) {
        RetryPolicy policy = RetryPolicy.builder().initialDelay(Duration.ofMillis(initial)).multiplier(multiplier)
                .maxDelay(Duration.ofMillis(cap)).jitter(jitter).build();
        assertThat(Backoff.delay(policy, retry, 0.0)).isEqualTo(Duration.ofMillis(millis));
    }
}
