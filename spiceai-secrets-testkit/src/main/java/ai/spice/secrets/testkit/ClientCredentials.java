package ai.spice.secrets.testkit;

import java.util.Objects;

/**
 * The OAuth 2.0 client credentials of a client registered with {@link SecretsEmulator#registerClient}; exchange
 * them at {@link SecretsEmulator#tokenUrl()} for an access token. {@link #toString()} redacts the secret.
 *
 * @param clientId     the client id
 * @param clientSecret the client secret
 */
public record ClientCredentials(String clientId, String clientSecret) {

    /**
     * Checks the components.
     *
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @throws NullPointerException if either is null
     */
    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /**
     * Shows the client id only.
     *
     * @return {@code ClientCredentials[clientId=..., clientSecret=[redacted]]}
     */
    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=[redacted]]";
    }
}
