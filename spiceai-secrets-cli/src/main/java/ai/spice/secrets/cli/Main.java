package ai.spice.secrets.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code spice-secrets} command line:
 * {@code java -jar spiceai-secrets-cli-<version>-all.jar --help}. Every command, option and exit code is described
 * there and in the README. This class is the jar's entry point and the CLI's only public type: the CLI is a program,
 * not a library.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs one command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--debug"));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8));
        int exitCode = run(args, new Session(System.in, out, err, System.getenv(), Terminal.detect()));
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** Parses and runs one command line; whatever it throws is one error line and an exit code. */
    static int run(String[] args, Session session) {
        SpiceSecretsCommand root = new SpiceSecretsCommand(session);
        try {
            return commandLine(root).execute(args);
        } catch (RuntimeException | Error e) {   // an Error escapes picocli's handler: report it the same way
            return root.output().fail(e);
        }
    }

    static CommandLine commandLine(SpiceSecretsCommand root) {
        Session session = root.session();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(session.out());
        commandLine.setErr(session.err());
        // @file would read arguments from a file, and picocli's errors could then quote a file's content
        commandLine.setExpandAtFiles(false);
        commandLine.setParameterExceptionHandler(new ParseErrors(session));
        commandLine.setExecutionExceptionHandler((error, command, parsed) -> root.output().fail(error));
        return commandLine;
    }

    /**
     * The SDK logs through SLF4J, bound here to slf4j-simple on standard error: WARN and above by default (a listener
     * that threw, nothing in normal runs), and the SDK's one DEBUG line per HTTP attempt with {@code --debug} (method,
     * path, status, attempt, time: never a value, a token or a body). Set before the first logger is made;
     * {@code -Dorg.slf4j.simpleLogger...} given to {@code java} wins.
     */
    private static void configureLogging(boolean debug) {
        Map<String, String> settings = Map.of(
                "org.slf4j.simpleLogger.logFile", "System.err",
                "org.slf4j.simpleLogger.defaultLogLevel", "warn",
                "org.slf4j.simpleLogger.showThreadName", "false",
                "org.slf4j.simpleLogger.showShortLogName", "true");
        settings.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        if (debug && System.getProperty("org.slf4j.simpleLogger.log.ai.spice.secrets") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.spice.secrets", "debug");
        }
    }
}
