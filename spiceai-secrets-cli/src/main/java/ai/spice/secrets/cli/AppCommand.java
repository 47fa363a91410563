package ai.spice.secrets.cli;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.bulk.DotEnv;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * A subcommand that acts on one app. Its steps run in a fixed order, so that a mistake is reported before anything
 * is sent: the command's own input ({@link #check()}: names, files, the value), then the app and the credential,
 * then the requests ({@link #run}). What any step throws becomes the exit code in {@link Failure}.
 */
abstract class AppCommand implements Callable<Integer> {

    @ParentCommand
    SpiceSecretsCommand root;

    @Override
    public final Integer call() {
        check();
        ClientConfig config = root.config();
        long appId = config.appId();
        try (SecretsClient client = config.build()) {
            return run(client, appId, root.output());
        }
    }

    /** Checks the command's own arguments, sending nothing. */
    void check() {
    }

    /** Sends the requests and prints the result; returns the exit code. */
    abstract int run(SecretsClient client, long appId, Output output);

    /** Reads a {@code .env} file; every problem is a usage error naming the file, line and column. */
    static Map<String, SecretValue> readDotEnv(Path file) {
        return DotEnv.read(InputFiles.readable(file, "the .env file"));
    }
}
