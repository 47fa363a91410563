package ai.spice.secrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Usage errors, as a table, run in this JVM ({@link Main#run}): each is found before anything is sent, so no
 * emulator is needed, and a JVM start per row would cost half a second. The end-to-end tests run one of each kind
 * as a process ({@code ErrorsIT}). Every row: exit code 2, one {@code error:} line, no stack trace, and no argument
 * that could be a value repeated.
 */
class UsageErrorsTest {

    private static final String TYPED = "typed-value-3b9f";

    @TempDir
    static Path dir;

    static Stream<Arguments> rows() throws IOException {
        Path spicepod = Files.writeString(dir.resolve("spicepod.yaml"), "params: [unclosed\n");
        Path env = Files.writeString(dir.resolve("ok.env"), "A=1\n");
        Map<String, String> ok = Map.of(ClientConfig.TOKEN, "token", ClientConfig.APP_ID, "7",
                ClientConfig.API_ENDPOINT, "http://127.0.0.1:1");
        return Stream.of(
                row("no command", ok, ""),
                row("unknown command", ok, "unknown command: the first argument must be one of", TYPED),
                row("unknown option", ok, "unknown option --colour", "list", "--colour"),
                row("an unknown option that looks like a value", ok, "an unknown option, not repeated here",
                        "list", "-" + TYPED),
                row("an integer option", ok, "--retries", "list", "--retries", TYPED),
                row("a duration option", ok, "expected a positive duration", "list", "--timeout=" + TYPED),
                row("an app id option", ok, "expected a positive integer", "list", "--app", TYPED),
                row("a fraction option", ok, "expected a number from 0 to 1", "plan", env.toString(),
                        "--max-delete-fraction", TYPED),
                row("a boolean flag given a value", ok, "--json", "list", "--json=" + TYPED),
                row("a value after set NAME", ok, "never a value on the command line", "set", "A", TYPED),
                row("a value as an unknown option", ok, "unknown option --value", "set", "A", "--value=" + TYPED),
                row("an extra argument", ok, "unexpected argument, not repeated here", "apply", env.toString(), TYPED),
                row("a missing NAME", ok, "NAME", "get"),
                row("two value sources", ok, "mutually exclusive", "set", "A", "--from-file", "f", "--from-env", "V"),
                row("a directory for a file", ok, "it is a directory", "plan", dir.toString()),
                row("a missing --from-file", ok, "--from-file", "set", "A", "--from-file", dir.resolve("no").toString()),
                row("invalid YAML", ok, "(SpicepodException)", "check-spicepod", spicepod.toString()),
                row("an invalid name", ok, "(InvalidSecretNameException)", "set", "1BAD", "--allow-empty", "--stdin"),
                row("only a client id", Map.of(ClientConfig.APP_ID, "1", ClientConfig.CLIENT_ID, "id"),
                        "SPICEAI_CLIENT_SECRET is not set", "list"),
                row("a client secret flag without an id", Map.of(ClientConfig.APP_ID, "1"),
                        "no OAuth client id", "list", "--client-secret-env", "S"),
                row("an app id that is not a number", Map.of(ClientConfig.TOKEN, "t", ClientConfig.APP_ID, "twelve"),
                        "SPICE_APP_ID is not a positive integer", "list"),
                row("an unset --token-env", Map.of(ClientConfig.APP_ID, "1"), "MY_TOKEN is not set", "list",
                        "--token-env", "MY_TOKEN"),
                row("both token flags", ok, "mutually exclusive", "list", "--token-env", "A", "--token-file", "f"),
                row("an empty --from-env", with(ok, "EMPTY", ""), "the value is empty (--from-env EMPTY)",
                        "set", "A", "--from-env", "EMPTY"),
                row("an unset --from-env", ok, "NOT_SET is not set", "set", "A", "--from-env", "NOT_SET"),
                row("a plain http URL to another host", ok, "http", "list", "--api-url", "http://example.com"),
                row("a key file without a ledger", ok, "--ledger-key-file needs --ledger", "plan", env.toString(),
                        "--ledger-key-file", "k"),
                row("an invalid protect glob", ok, "(IllegalArgumentException)", "plan", env.toString(),
                        "--protect", "PROD-*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isAUsageErrorOnOneLine(String what, Map<String, String> env, String expected, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Session session = new Session(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), env, Terminal.NONE);

        int exitCode = Main.run(args, session);

        assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().lines().toList()).as("stderr").hasSize(1);
        assertThat(err.toString()).startsWith("error: ").contains(expected).doesNotContain(TYPED, "\tat ");
        assertThat(out.toString()).isEmpty();
    }

    private static Arguments row(String what, Map<String, String> env, String expected, String... args) {
        return Arguments.of(what, env, expected, args);
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }
}
