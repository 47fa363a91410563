package ai.spice.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultsAreThreeAttemptsHalfSecondDoublingCappedAtEightSecondsWithQuarterJitter() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.initialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.multiplier()).isEqualTo(2.0);
        assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.jitter()).isEqualTo(0.25);
        assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryPolicy.builder().build()).isEqualTo(policy).hasSameHashCodeAs(policy);
    }

    @Test
    void noneMakesOneAttempt() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void builderRejectsBadValuesNamingThem() {
        RetryPolicy.Builder builder = RetryPolicy.builder();
        assertThatThrownBy(() -> builder.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> builder.initialDelay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> builder.maxDelay(null)).isInstanceOf(NullPointerException.class).hasMessage("maxDelay");
        assertThatThrownBy(() -> builder.multiplier(0.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> builder.multiplier(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.jitter(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> builder.maxRetryAfter(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(10)).maxDelay(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxDelay");
    }

    @Test
    void aReusedBuilderNeverChangesWhatItBuilt() {
        RetryPolicy.Builder builder = RetryPolicy.builder().maxAttempts(5);
        RetryPolicy first = builder.build();
        builder.maxAttempts(7);
        assertThat(first.maxAttempts()).isEqualTo(5);
        assertThat(first.toBuilder().build()).isEqualTo(first);
    }

    @Test
    void pacingOnRateLimitsIsOnByDefaultAndPartOfThePolicysValue() {
        assertThat(RetryPolicy.defaults().paceOnRateLimit()).isTrue();
        assertThat(RetryPolicy.none().paceOnRateLimit()).isTrue();
        RetryPolicy unpaced = RetryPolicy.builder().paceOnRateLimit(false).build();
        assertThat(unpaced.paceOnRateLimit()).isFalse();
        assertThat(unpaced.toBuilder().build()).isEqualTo(unpaced).hasSameHashCodeAs(unpaced);
        assertThat(unpaced).isNotEqualTo(RetryPolicy.defaults());
        assertThat(unpaced.toString()).endsWith(", paceOnRateLimit=false]");
        assertThat(RetryPolicy.defaults().toString()).doesNotContain("paceOnRateLimit");
    }
}
