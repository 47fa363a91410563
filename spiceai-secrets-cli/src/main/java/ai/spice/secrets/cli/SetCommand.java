package ai.spice.secrets.cli;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretName;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code set NAME}: create a secret or set its value, the value from a file, a variable or standard input. */
@Command(name = "set",
        description = {
            "Create a secret, or set a new value for it (its id and creation time are kept).",
            "The value comes from exactly one of --from-file, --from-env or standard input (--stdin, or by default"
                + " when standard input is not a terminal), never from the command line, where shell history and ps"
                + " would keep it. On a terminal, --stdin asks for it without echo."
        },
        mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE + "; no value, or an empty one"})
final class SetCommand extends AppCommand {

    @Parameters(paramLabel = "NAME", description = "The secret's name: " + SecretName.RULE)
    String name;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    /** The value's source: at most one. */
    static final class Source {
        @Option(names = "--from-file", paramLabel = "FILE", required = true,
                description = "Read the value from FILE (a pipe such as <(vault read ...) works too).")
        Path file;

        @Option(names = "--from-env", paramLabel = "VAR", required = true,
                description = "Read the value from the environment variable VAR.")
        String variable;

        @Option(names = "--stdin", required = true,
                description = "Read the value from standard input (asked for without echo on a terminal).")
        boolean stdin;
    }

    @Option(names = "--keep-newline",
            description = "Keep a trailing line break of a file or standard input. Default: one is dropped.")
    boolean keepNewline;

    @Option(names = "--allow-empty", description = "Allow an empty value. Default: an empty value is refused.")
    boolean allowEmpty;

    private SecretValue value;

    @Override
    void check() {
        SecretName.requireValid(name);
        value = new ValueReader(root.session(), keepNewline, allowEmpty).read(source(), name);
    }

    private ValueReader.Source source() {
        if (source != null && source.file != null) {
            return new ValueReader.FromFile(source.file);
        }
        if (source != null && source.variable != null) {
            return new ValueReader.FromVariable(source.variable);
        }
        if (source != null && source.stdin) {
            return new ValueReader.FromStdin();
        }
        if (root.session().terminal().stdin()) {
            throw new UsageException("no value: pass --from-file FILE, --from-env VAR or --stdin, or pipe the value"
                    + " in; a value is never taken on the command line");
        }
        return new ValueReader.FromStdin();
    }

    @Override
    int run(SecretsClient client, long appId, Output output) {
        Secret secret = client.upsert(appId, name, value);
        output.result(HumanText.stored(appId, secret),
                () -> Documents.forApp(appId).set("secret", Documents.secret(secret)));
        return ExitCode.OK;
    }
}
