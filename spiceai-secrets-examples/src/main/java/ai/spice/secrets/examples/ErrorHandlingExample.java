package ai.spice.secrets.examples;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.NotFoundException;
import ai.spice.secrets.errors.PermissionDeniedException;
import ai.spice.secrets.errors.RateLimitException;
import ai.spice.secrets.testkit.Fault;
import java.time.Duration;

/** Each failure caught by its type: a missing secret, a credential without the write scope, a rate limit. */
public final class ErrorHandlingExample {

    private ErrorHandlingExample() {
    }

    public static void main(String[] args) {
        try (ExampleSession session = ExampleSession.open("ErrorHandlingExample", SecretsClient.builder().retryPolicy(RetryPolicy.none()))) {
            long appId = session.appId();
            try {
                session.client().get(appId, "NO_SUCH_SECRET");
            } catch (NotFoundException e) {
                System.out.println("not found:      " + e.serverMessage() + " (status " + e.statusCode() + ")");
            }
            session.emulator().ifPresent(emulator -> {
                try (SecretsClient readOnly = SecretsClient.builder().baseUrl(emulator.baseUrl())
                        .token(emulator.issueToken("secrets:read")).build()) {
                    readOnly.upsert(appId, "API_KEY", "sk-example");
                } catch (PermissionDeniedException e) {
                    System.out.println("no permission:  needs " + e.requiredScope().orElse("?") + " (" + e.errorCode().orElse("-") + ")");
                }
                emulator.faults().next(1, "/v1/apps", Fault.status(429).retryAfter(Duration.ofSeconds(30)));
            });
            try {
                session.client().list(appId);
                System.out.println("rate limit:     not hit this time");
            } catch (RateLimitException e) {
                System.out.println("rate limited:   retry after " + e.retryAfter().map(Duration::toSeconds).orElse(-1L) + " s");
            }
        }
    }
}
