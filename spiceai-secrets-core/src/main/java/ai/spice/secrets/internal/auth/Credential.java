package ai.spice.secrets.internal.auth;

import ai.spice.secrets.CredentialsProvider;
import ai.spice.secrets.internal.http.RequestFactory;
import ai.spice.secrets.internal.http.Transport;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * The credential a builder holds until {@code build()}. A final class, not a record, so that nothing prints the
 * token or the client secret it carries.
 */
public final class Credential {

    private final String token;
    private final String clientId;
    private final String clientSecret;
    private final CredentialsProvider provider;

    private Credential(String token, String clientId, String clientSecret, CredentialsProvider provider) {
        this.token = token;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.provider = provider;
    }

    public static Credential token(String token) {
        String checked = notBlank(token, "bearerToken");
        if (!RequestFactory.canCarry(checked)) {
            // never quote it: it is a credential
            throw new IllegalArgumentException("bearerToken must be printable ASCII: it holds a line break or a"
                    + " control or non-ASCII character, which an Authorization header cannot carry");
        }
        return new Credential(checked, null, null, null);
    }

    public static Credential clientCredentials(String clientId, String clientSecret) {
        return new Credential(null, notBlank(clientId, "clientId"), notBlank(clientSecret, "clientSecret"), null);
    }

    public static Credential provider(CredentialsProvider provider) {
        return new Credential(null, null, null, Objects.requireNonNull(provider, "provider"));
    }

    public TokenSource tokenSource(Transport transport, RequestFactory requests, URI tokenUrl, Clock clock) {
        if (token != null) {
            return TokenSource.fixed(token);
        }
        if (provider != null) {
            return TokenSource.from(provider);
        }
        return new ClientCredentialsTokenSource(transport, requests, tokenUrl, clientId, clientSecret, clock);
    }

    public String describe() {
        return token != null ? "token" : provider != null ? "credentialsProvider" : "clientCredentials(clientId=" + clientId + ")";
    }

    @Override
    public String toString() {
        return "Credential[" + describe() + "]";
    }

    private static String notBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
