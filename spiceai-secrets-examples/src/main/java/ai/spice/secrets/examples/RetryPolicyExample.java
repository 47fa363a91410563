package ai.spice.secrets.examples;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.testkit.Fault;
import java.time.Duration;

/** A custom retry policy, watched by a listener while the (emulated) service fails twice before answering. */
public final class RetryPolicyExample {

    private RetryPolicyExample() {
    }

    public static void main(String[] args) {
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(5)
                .initialDelay(Duration.ofMillis(100))
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(2))
                .jitter(0.2)
                .build();
        SecretsListener printer = new SecretsListener() {
            @Override
            public void attemptCompleted(AttemptCompleted attempt) {
                System.out.println("attempt " + attempt.attempt() + ": " + attempt.statusCode().orElse(0)
                        + attempt.retryDelay().map(d -> ", retrying in " + d.toMillis() + " ms").orElse(""));
            }
        };
        try (ExampleSession session = ExampleSession.open("RetryPolicyExample", SecretsClient.builder().retryPolicy(policy).listener(printer))) {
            System.out.println("policy: " + policy);
            session.emulator().ifPresent(emulator -> emulator.faults().next(2, "/v1/apps", Fault.status(503)));
            int count = session.client().list(session.appId()).size();
            System.out.println("listed " + count + " secrets despite the failures");
        }
    }
}
