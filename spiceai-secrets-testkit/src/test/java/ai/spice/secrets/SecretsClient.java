package ai.spice.secrets;

import java.net.URI;

/**
 * A stand-in, in the testkit's own tests only, for the SDK's client of this name. The testkit cannot depend on
 * spiceai-secrets-core (core's tests depend on the testkit), and the JUnit extension builds the SDK's client by
 * reflection on its name and builder ({@code builder().baseUrl(URI).token(String).build()}), so this type has that
 * shape. Its client sends plain HTTP with the token it was built with.
 */
public interface SecretsClient extends AutoCloseable {

    static Builder builder() {
        return new StandInClient.Builder();
    }

    URI baseUrl();

    String token();

    /** Lists the app's secrets; returns the HTTP status. */
    int list(long appId);

    /** Upserts a secret; returns the HTTP status. */
    int upsert(long appId, String name, String value);

    boolean isClosed();

    @Override
    void close();

    interface Builder {

        Builder baseUrl(URI url);

        Builder token(String bearerToken);

        SecretsClient build();
    }
}
