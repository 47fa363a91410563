package ai.spice.secrets.internal;

import java.util.function.UnaryOperator;

/** {@code fromEnv()}: the variable names Spice's Terraform provider and scripts use, so one environment serves all. */
final class EnvConfig {

    static final String TOKEN = "SPICE_API_TOKEN";
    static final String CLIENT_ID = "SPICEAI_CLIENT_ID";
    static final String CLIENT_SECRET = "SPICEAI_CLIENT_SECRET";
    static final String API_ENDPOINT = "SPICEAI_API_ENDPOINT";
    static final String OAUTH_ENDPOINT = "SPICEAI_OAUTH_ENDPOINT";
    static final String ORG = "SPICEAI_ORG";

    private EnvConfig() {
    }

    static void apply(ClientBuilder builder, UnaryOperator<String> env) {
        String token = value(env, TOKEN);
        String clientId = value(env, CLIENT_ID);
        String clientSecret = value(env, CLIENT_SECRET);
        if (token != null) {
            builder.token(token);
        } else if (clientId != null && clientSecret != null) {
            builder.clientCredentials(clientId, clientSecret);
        } else if (clientId != null || clientSecret != null) {
            throw new IllegalStateException((clientId == null ? CLIENT_ID : CLIENT_SECRET) + " is not set: OAuth client"
                    + " credentials need both " + CLIENT_ID + " and " + CLIENT_SECRET + " (or set " + TOKEN + ")");
        } else {
            throw new IllegalStateException("no credentials in the environment: set " + TOKEN + ", or "
                    + CLIENT_ID + " and " + CLIENT_SECRET);
        }
        String endpoint = value(env, API_ENDPOINT);
        if (endpoint != null) {
            builder.baseUrl(endpoint);
        }
        String oauth = value(env, OAUTH_ENDPOINT);
        if (oauth != null) {
            builder.tokenUrl(oauth);
        }
        String org = value(env, ORG);
        if (org != null) {
            builder.organization(org);
        }
    }

    private static String value(UnaryOperator<String> env, String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
