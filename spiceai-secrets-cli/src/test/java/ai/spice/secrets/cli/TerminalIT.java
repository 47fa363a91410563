package ai.spice.secrets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What changes on a terminal: the jar runs under {@code script}, which gives it a pseudo-terminal for its standard
 * streams (the other tests' runs have none, and assert an empty standard error). The progress bar is drawn, and
 * {@code set} reads a value from a terminal only without echo.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalIT {

    private static final Path SCRIPT = Path.of("/usr/bin/script");

    private final Emulated emulated = new Emulated();

    @TempDir
    Path dir;

    @AfterAll
    void close() {
        emulated.close();
    }

    @Test
    void importDrawsAProgressBarOnATerminalOnly() throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script(1) gives the jar a terminal; not installed");
        long app = emulated.newApp();
        Path env = Files.writeString(dir.resolve("three.env"), "A=1\nB=2\nC=3\n");

        String drawn = onTerminal(app, 0, cli("import", env.toString()));
        assertThat(drawn).contains("] 3/3 ", "\r", "imported 3 of 3 secrets");
        assertThat(onTerminal(app, 0, cli("import", env.toString(), "--no-progress"))).doesNotContain("] 3/3")
                .contains("imported 3 of 3 secrets");
    }

    @Test
    void setNeverReadsAValueFromATerminalWithEcho() throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script(1) gives the jar a terminal; not installed");
        long app = emulated.newApp();

        assertThat(onTerminal(app, ExitCode.USAGE, cli("set", "TYPED"))).contains("no value: pass --from-file FILE");
        assertThat(onTerminal(app, ExitCode.USAGE, cli("set", "TYPED", "--stdin") + " > /dev/null; exit $?"))
                .as("standard output redirected: no console to read without echo")
                .contains("--stdin on a terminal asks for the value without echo");
        assertThat(emulated.emulator.secretNames(app)).isEmpty();
    }

    /** The shell command that runs the jar with these arguments. */
    private static String cli(String... args) {
        StringBuilder command = new StringBuilder(quote(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString())).append(" -jar ").append(quote(Cli.JAR.toString()));
        for (String arg : args) {
            command.append(' ').append(quote(arg));
        }
        return command.toString();
    }

    private String onTerminal(long app, int exitCode, String command) throws IOException, InterruptedException {
        Path transcript = dir.resolve("transcript");
        ProcessBuilder builder = new ProcessBuilder(List.of(SCRIPT.toString(), "-qec", command,
                "/dev/null")).redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(transcript.toFile());
        builder.environment().clear();
        builder.environment().putAll(emulated.env(app));
        builder.environment().put("TERM", "xterm");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(transcript, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(exitCode);
        return output;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
