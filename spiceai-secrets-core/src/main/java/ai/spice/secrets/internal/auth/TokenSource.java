package ai.spice.secrets.internal.auth;

import ai.spice.secrets.CredentialsProvider;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** Where the bearer token of each attempt comes from. Implementations are thread-safe. */
public interface TokenSource {

    /** The token for the next attempt; the future fails with a {@code SpiceException} if none can be had. */
    CompletableFuture<String> token();

    /**
     * Whether asking again after a 401 may give a new token, so that the request is worth repeating once: true for
     * OAuth client credentials, false for a fixed token or a provider (the same token would come back).
     */
    boolean canRefresh();

    /** The API answered 401 to {@code rejected}: forget it, so that the next {@link #token()} fetches a new one. */
    void invalidate(String rejected);

    /** What kind of credential this is, for {@code toString}: never the token. */
    String describe();

    static TokenSource fixed(String token) {
        CompletableFuture<String> ready = CompletableFuture.completedFuture(token);
        return new Unrefreshable("token") {
            @Override
            public CompletableFuture<String> token() {
                return ready;
            }
        };
    }

    static TokenSource from(CredentialsProvider provider) {
        return new Unrefreshable("credentialsProvider") {
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
        };
    }

    /** A source whose token a 401 cannot change. */
    abstract class Unrefreshable implements TokenSource {
        private final String kind;

        Unrefreshable(String kind) {
            this.kind = kind;
        }

        @Override
        public boolean canRefresh() {
            return false;
        }

        @Override
        public void invalidate(String rejected) {
        }

        @Override
        public String describe() {
            return kind;
        }

        @Override
        public String toString() {
            return "TokenSource[" + kind + "]";
        }
    }
}
