package ai.spice.secrets.examples;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.testkit.ClientCredentials;
import ai.spice.secrets.testkit.SecretsEmulator;

/**
 * OAuth 2.0 client credentials: the client fetches, caches and refreshes its access token. Against the real API,
 * set SPICEAI_CLIENT_ID and SPICEAI_CLIENT_SECRET (and SPICE_APP_ID) and {@code SecretsClient.fromEnv()} does it all.
 */
public final class ClientCredentialsExample {

    private ClientCredentialsExample() {
    }

    public static void main(String[] args) {
        if (System.getenv("SPICEAI_CLIENT_ID") != null && System.getenv("SPICE_APP_ID") != null
                && !Boolean.getBoolean("spice.examples.emulator")) {
            System.out.println("ClientCredentialsExample: using the Spice.ai API with OAuth client credentials");
            try (SecretsClient client = SecretsClient.fromEnv()) {
                System.out.println("listed " + client.list(Long.parseLong(System.getenv("SPICE_APP_ID"))).size() + " secrets");
            }
            return;
        }
        try (SecretsEmulator emulator = SecretsEmulator.start()) {
            System.out.println("ClientCredentialsExample: no SPICEAI_CLIENT_ID set, so running on the embedded emulator at " + emulator.baseUrl());
            long appId = emulator.createApp("oauth-demo");
            ClientCredentials oauth = emulator.registerClient("secrets:read", "secrets:write");
            try (SecretsClient client = SecretsClient.builder()
                    .baseUrl(emulator.baseUrl())
                    .tokenUrl(emulator.tokenUrl().toString())
                    .clientCredentials(oauth.clientId(), oauth.clientSecret())
                    .build()) {
                client.upsert(appId, "OAUTH_DEMO", "value");
                System.out.println("authenticated as " + oauth.clientId() + "; listed " + client.list(appId).size() + " secret(s)");
                System.out.println("token requests: " + emulator.requestCount("POST", "/api/oauth/token") + " for 2 calls (cached)");
            }
        }
    }
}
