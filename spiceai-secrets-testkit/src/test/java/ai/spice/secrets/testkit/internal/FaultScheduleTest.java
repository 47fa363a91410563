package ai.spice.secrets.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    private final FaultSchedule schedule = new FaultSchedule();

    @Test
    void countedRulesAreUsedInOrderAndThenForgotten() {
        schedule.next(1, FaultSchedule.ANY_METHOD, "/v1", status(500));
        schedule.next(2, FaultSchedule.ANY_METHOD, "/v1", status(503));

        assertThat(statuses(4, "GET", "/v1/apps/1/secrets")).containsExactly(500, 503, 503, 0);
        assertThat(schedule.pending()).isZero();
    }

    @Test
    void aRuleForAnotherMethodOrPathLetsTheRequestPass() {
        schedule.next(1, "POST", "/v1/apps/1", status(500));

        assertThat(schedule.take("GET", "/v1/apps/1/secrets")).isEmpty();
        assertThat(schedule.take("POST", "/v1/apps/2/secrets")).isEmpty();
        assertThat(schedule.take("POST", "/v1/apps/1/secrets")).isPresent();
    }

    @Test
    void countedRulesComeBeforeTheRandomRule() {
        schedule.random(1.0, 3L, "", List.of(status(429)));
        schedule.next(1, FaultSchedule.ANY_METHOD, "", status(500));

        assertThat(statuses(2, "GET", "/x")).containsExactly(500, 429);
    }

    @Test
    void randomRuleWithProbabilityZeroNeverFires() {
        schedule.random(0.0, 3L, "", List.of(status(429)));

        assertThat(statuses(50, "GET", "/x")).containsOnly(0);
    }

    private List<Integer> statuses(int requests, String method, String path) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Optional<FaultSpec> fault = schedule.take(method, path);
            statuses.add(fault.map(FaultSpec::status).orElse(0));
        }
        return statuses;
    }

    private static FaultSpec status(int status) {
        return new FaultSpec(FaultSpec.Kind.STATUS, status, "application/json", new byte[0], Map.of(), Duration.ZERO);
    }
}
