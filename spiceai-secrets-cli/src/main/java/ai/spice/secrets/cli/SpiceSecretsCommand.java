package ai.spice.secrets.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code spice-secrets}: the top command. It holds the global options, which picocli accepts before or after the
 * subcommand ({@link ScopeType#INHERIT}), and hands each subcommand its configuration and output.
 */
@Command(name = "spice-secrets",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "The secrets of a Spice.ai app, from a terminal or a pipeline step.",
            "Values are write-only: they are read from a file, an environment variable or standard input, never"
                + " from the command line, and never printed."
        },
        subcommands = {
            ListCommand.class, GetCommand.class, SetCommand.class, DeleteCommand.class,
            ImportCommand.class, PlanCommand.class, ApplyCommand.class, CheckSpicepodCommand.class
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE, ExitCode.CHANGES_PENDING_LINE,
            ExitCode.NOT_CLEAN_LINE
        },
        footerHeading = "%nEnvironment (a flag overrides its variable):%n",
        footer = {
            "  SPICE_APP_ID            the app id (--app)",
            "  SPICE_API_TOKEN         a bearer token (--token-file, --token-env)",
            "  SPICEAI_CLIENT_ID       OAuth client id, when no token is set (--client-id)",
            "  SPICEAI_CLIENT_SECRET   OAuth client secret (--client-secret-file, -env)",
            "  SPICEAI_API_ENDPOINT    the API's base URL (--api-url)",
            "  SPICEAI_OAUTH_ENDPOINT  the OAuth token URL (--token-url)",
            "  SPICEAI_ORG             the organization, sent as X-Org-Name (--org)",
            "  SPICE_SYNC_LEDGER_KEY   the sync ledger's key, base64 (plan, apply)",
            "",
            "The token and the client secret are never flag values: a command line is",
            "kept in shell history, shown by ps and printed in CI logs."
        })
final class SpiceSecretsCommand implements Callable<Integer> {

    @Option(names = "--app", paramLabel = "ID", scope = ScopeType.INHERIT, converter = OptionTypes.AppId.class,
            description = "The app (project) id. Default: $SPICE_APP_ID.")
    Long app;

    @Option(names = "--api-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The API's base URL. Default: $SPICEAI_API_ENDPOINT, else https://api.spice.ai.")
    String apiUrl;

    @Option(names = "--token-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The OAuth token URL. Default: $SPICEAI_OAUTH_ENDPOINT, else https://spice.ai/api/oauth/token.")
    String tokenUrl;

    @Option(names = "--org", paramLabel = "HANDLE", scope = ScopeType.INHERIT,
            description = "Act on this organization (X-Org-Name). Default: $SPICEAI_ORG, else none.")
    String org;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Read the bearer token from FILE instead of $SPICE_API_TOKEN.")
    Path tokenFile;

    @Option(names = "--token-env", paramLabel = "VAR", scope = ScopeType.INHERIT,
            description = "Read the bearer token from the environment variable VAR instead of $SPICE_API_TOKEN.")
    String tokenEnv;

    @Option(names = "--client-id", paramLabel = "ID", scope = ScopeType.INHERIT,
            description = "Use OAuth client credentials with this client id. Default: $SPICEAI_CLIENT_ID.")
    String clientId;

    @Option(names = "--client-secret-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Read the OAuth client secret from FILE instead of $SPICEAI_CLIENT_SECRET.")
    Path clientSecretFile;

    @Option(names = "--client-secret-env", paramLabel = "VAR", scope = ScopeType.INHERIT,
            description = "Read the OAuth client secret from the environment variable VAR.")
    String clientSecretEnv;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            converter = OptionTypes.Timeout.class,
            description = "Time limit of each attempt (500ms, 30s, 2m, PT1M; plain seconds). Default: 30s.")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N", scope = ScopeType.INHERIT, converter = OptionTypes.Count.class,
            description = "Retries after a failed attempt (429, 5xx, network); 0 for none. Default: 2.")
    Integer retries;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print one JSON document on standard output instead of text.")
    boolean json;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace; log each HTTP attempt (never a value) on standard error.")
    boolean debug;

    private final Session session;
    private Output output;

    SpiceSecretsCommand(Session session) {
        this.session = session;
    }

    /** Without a subcommand: a usage error. */
    @Override
    public Integer call() {
        return output().usage(Failure.usage("no command; the commands are list, get, set, delete, import, plan,"
                + " apply, check-spicepod (see 'spice-secrets --help')"));
    }

    Session session() {
        return session;
    }

    Output output() {
        if (output == null) {
            output = new Output(session, json, debug);
        }
        return output;
    }

    ClientConfig config() {
        return new ClientConfig(new ClientConfig.Flags(app, apiUrl, tokenUrl, org, tokenFile, tokenEnv, clientId,
                clientSecretFile, clientSecretEnv, timeout, retries), session);
    }
}
