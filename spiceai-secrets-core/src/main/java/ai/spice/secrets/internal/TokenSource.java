package ai.spice.secrets.internal;

import ai.spice.secrets.CredentialsProvider;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** Where the bearer token of each attempt comes from. Implementations are thread-safe. */
interface TokenSource {

    /** The token for the next attempt; the future fails with a {@code SpiceException} if none can be had. */
    CompletableFuture<String> token();

    /**
     * Called when the API answered 401 to {@code rejected}: returns true if asking again may give a new token (so
     * the request is repeated once), false if the same token would come back.
     */
    boolean invalidate(String rejected);

    /** What kind of credential this is, for {@code toString}: never the token. */
    String describe();

    static TokenSource fixed(String token) {
        CompletableFuture<String> ready = CompletableFuture.completedFuture(token);
        return new TokenSource() {
            @Override
            public CompletableFuture<String> token() {
                return ready;
            }

            @Override
            public boolean invalidate(String rejected) {
                return false;
            }

            @Override
            public String describe() {
                return "token";
            }
        };
    }

    static TokenSource from(CredentialsProvider provider) {
        return new TokenSource() {
            @Override
            public CompletableFuture<String> token() {
                try {
                    String token = Objects.requireNonNull(provider.bearerToken(), "CredentialsProvider returned null");
                    return CompletableFuture.completedFuture(token);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(new CredentialsException(
                            "the CredentialsProvider failed: " + e.getClass().getName(), e));
                }
            }

            @Override
            public boolean invalidate(String rejected) {
                return false;
            }

            @Override
            public String describe() {
                return "credentialsProvider";
            }
        };
    }
}
