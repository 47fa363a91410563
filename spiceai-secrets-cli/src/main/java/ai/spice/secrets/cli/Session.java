package ai.spice.secrets.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of the CLI works with: its standard streams, its environment and which streams are terminals. Handed
 * to the commands once, so that nothing reads {@code System.getenv()} or {@code System.out} on its own.
 *
 * @param in       standard input (a value for {@code set})
 * @param out      standard output: the result, text or one JSON document
 * @param err      standard error: the error line, the progress bar, log lines with {@code --debug}
 * @param env      the environment variables
 * @param terminal which of the streams are terminals
 */
record Session(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Terminal terminal) {

    Session {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(terminal, "terminal");
    }

    /**
     * An environment variable as {@code SecretsClient.fromEnv()} reads it: blank is unset, and blanks around the
     * value are dropped.
     */
    Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
