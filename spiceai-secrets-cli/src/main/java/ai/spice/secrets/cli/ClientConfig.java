package ai.spice.secrets.cli;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.TypeConversionException;

/**
 * The client and app a command acts on, from the global flags and the environment: the variables of
 * {@code SecretsClient.fromEnv()} (and of Spice's Terraform provider), each overridden by its flag.
 *
 * <p>The credential itself is never a flag's value: a command line is kept in shell history, shown by {@code ps} and
 * readable in {@code /proc/PID/cmdline} by other users of the machine, and echoed by CI systems that print the steps
 * they run. So the token and the client secret come from the environment or from a file, and the flags only name the
 * file ({@code --token-file}) or the variable ({@code --token-env}). The client id is an identifier, not a secret.
 *
 * <p>Which credential is used, first match wins: {@code --token-file}, {@code --token-env}; client credentials when
 * any {@code --client-*} flag is given (each part from its flag, else its variable); {@code SPICE_API_TOKEN};
 * {@code SPICEAI_CLIENT_ID} with {@code SPICEAI_CLIENT_SECRET}.
 */
final class ClientConfig {

    static final String APP_ID = "SPICE_APP_ID";
    static final String TOKEN = "SPICE_API_TOKEN";
    static final String CLIENT_ID = "SPICEAI_CLIENT_ID";
    static final String CLIENT_SECRET = "SPICEAI_CLIENT_SECRET";
    static final String API_ENDPOINT = "SPICEAI_API_ENDPOINT";
    static final String OAUTH_ENDPOINT = "SPICEAI_OAUTH_ENDPOINT";
    static final String ORG = "SPICEAI_ORG";

    /** The SDK's connect timeout, kept unless {@code --timeout} is shorter. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The global flags as given; null where not given. */
    record Flags(Long app, String apiUrl, String tokenUrl, String org, Path tokenFile, String tokenEnv,
                 String clientId, Path clientSecretFile, String clientSecretEnv, Duration timeout, Integer retries) {
    }

    private final Flags flags;
    private final Session session;

    ClientConfig(Flags flags, Session session) {
        this.flags = flags;
        this.session = session;
    }

    /** The app: {@code --app}, else {@code SPICE_APP_ID}. */
    long appId() {
        if (flags.app() != null) {
            return flags.app();
        }
        String text = session.variable(APP_ID)
                .orElseThrow(() -> new UsageException("no app: pass --app ID or set " + APP_ID));
        try {
            return OptionTypes.parseAppId(text, "");
        } catch (TypeConversionException e) {
            throw new UsageException(APP_ID + " is not a positive integer");
        }
    }

    /** Builds the client; nothing is sent until a command calls it. */
    SecretsClient build() {
        SecretsClient.Builder builder = SecretsClient.builder();
        credentials(builder);
        setting(flags.apiUrl(), API_ENDPOINT)
                .ifPresent(url -> named("--api-url", API_ENDPOINT, () -> builder.baseUrl(url)));
        setting(flags.tokenUrl(), OAUTH_ENDPOINT)
                .ifPresent(url -> named("--token-url", OAUTH_ENDPOINT, () -> builder.tokenUrl(url)));
        setting(flags.org(), ORG).ifPresent(org -> named("--org", ORG, () -> builder.organization(org)));
        if (flags.timeout() != null) {
            builder.requestTimeout(flags.timeout());
            builder.connectTimeout(flags.timeout().compareTo(CONNECT_TIMEOUT) < 0 ? flags.timeout() : CONNECT_TIMEOUT);
        }
        if (flags.retries() != null) {
            builder.retryPolicy(flags.retries() == 0 ? RetryPolicy.none()
                    : RetryPolicy.defaults().toBuilder().maxAttempts(flags.retries() + 1).build());
        }
        return builder.build();
    }

    private void credentials(SecretsClient.Builder builder) {
        if (flags.tokenFile() != null && flags.tokenEnv() != null) {
            throw new UsageException("--token-file and --token-env are mutually exclusive");
        }
        if (flags.clientSecretFile() != null && flags.clientSecretEnv() != null) {
            throw new UsageException("--client-secret-file and --client-secret-env are mutually exclusive");
        }
        if (flags.tokenFile() != null) {
            builder.token(fromFile(flags.tokenFile(), "--token-file"));
        } else if (flags.tokenEnv() != null) {
            builder.token(fromVariable(flags.tokenEnv(), "--token-env"));
        } else if (flags.clientId() != null || flags.clientSecretFile() != null || flags.clientSecretEnv() != null) {
            String id = setting(flags.clientId(), CLIENT_ID).orElseThrow(() -> new UsageException(
                    "no OAuth client id: pass --client-id ID or set " + CLIENT_ID));
            builder.clientCredentials(id, clientSecret());
        } else if (session.variable(TOKEN).isPresent()) {
            builder.token(session.variable(TOKEN).get());
        } else if (session.variable(CLIENT_ID).isPresent() && session.variable(CLIENT_SECRET).isPresent()) {
            builder.clientCredentials(session.variable(CLIENT_ID).get(), session.variable(CLIENT_SECRET).get());
        } else if (session.variable(CLIENT_ID).isPresent() || session.variable(CLIENT_SECRET).isPresent()) {
            String missing = session.variable(CLIENT_ID).isPresent() ? CLIENT_SECRET : CLIENT_ID;
            throw new UsageException(missing + " is not set: OAuth client credentials need both " + CLIENT_ID
                    + " and " + CLIENT_SECRET + " (or set " + TOKEN + ")");
        } else {
            throw new UsageException("no credentials: set " + TOKEN + " (or " + CLIENT_ID + " and " + CLIENT_SECRET
                    + "), or pass --token-file FILE or --token-env VAR");
        }
    }

    private String clientSecret() {
        if (flags.clientSecretFile() != null) {
            return fromFile(flags.clientSecretFile(), "--client-secret-file");
        }
        if (flags.clientSecretEnv() != null) {
            return fromVariable(flags.clientSecretEnv(), "--client-secret-env");
        }
        return session.variable(CLIENT_SECRET).orElseThrow(() -> new UsageException("no OAuth client secret: set "
                + CLIENT_SECRET + ", or pass --client-secret-file FILE or --client-secret-env VAR"));
    }

    /** Runs a builder setter, naming the flag and the variable when it refuses the setting. */
    private static void named(String flag, String variable, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + " (or " + variable + "): " + e.getMessage(), e);
        }
    }

    private Optional<String> setting(String flag, String variable) {
        return flag != null ? Optional.of(flag) : session.variable(variable);
    }

    private String fromVariable(String variable, String option) {
        return session.variable(variable).orElseThrow(() -> new UsageException(
                option + ": the environment variable " + variable + " is not set or is blank"));
    }

    private static String fromFile(Path file, String option) {
        String text = new String(InputFiles.read(file, option), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new UsageException("cannot read " + option + " " + file + ": it is empty");
        }
        return text;
    }
}
