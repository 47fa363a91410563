package ai.spice.secrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.testkit.SecretsEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the built {@code -all} jar as a separate process, as a pipeline step would: {@code java -jar}, an
 * environment holding only what the test gives, standard input from a string (or {@code /dev/null}), and standard
 * output and error captured apart.
 */
final class Cli {

    /** The jar under test, built by {@code package} before failsafe runs. */
    static final Path JAR = Path.of(System.getProperty("cli.jar", "target/spiceai-secrets-cli-all.jar"));

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /**
     * Quicker JVM starts, as most of a run is loading classes (Jackson, the HTTP client, picocli): C1 only, the
     * serial collector, and a class-data archive of the jar's classes made by one training run ({@link #archive()}).
     * {@code -Xlog:disable}: a JVM warning (an archive it cannot map) must not reach the captured output.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Xlog:disable");
    private static final Path ARCHIVE = Path.of(System.getProperty("cli.cds", "target/cli-tests.jsa"));
    private static Boolean archived;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One finished run. */
    record Run(List<String> args, int exitCode, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not one JSON document on stdout: " + out + "\nstderr: " + err, e);
            }
        }

        /** Asserts the exit code, showing the whole run when it differs. */
        Run exits(int expected) {
            assertThat(exitCode).as("exit code of %s%nstdout: %s%nstderr: %s", args, out, err).isEqualTo(expected);
            return this;
        }

        /** Asserts that standard error is exactly one {@code error: } line, without a stack trace. */
        Run failsWithOneLine() {
            assertThat(err.lines().toList()).as("stderr of %s", args).hasSize(1);
            assertThat(err).startsWith("error: ").doesNotContain("\tat ").doesNotContain("Exception in thread");
            return this;
        }
    }

    private final Map<String, String> env = new LinkedHashMap<>();
    private String stdin;

    private Cli(Map<String, String> env) {
        this.env.putAll(env);
    }

    static Cli with(Map<String, String> env) {
        return new Cli(env);
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Cli stdin(String text) {
        this.stdin = text;
        return this;
    }

    Run run(String... args) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cli-run");
            List<String> command = new ArrayList<>(List.of(JAVA.toString()));
            command.addAll(JVM_OPTIONS);
            if (archive()) {
                command.add("-XX:SharedArchiveFile=" + ARCHIVE);
            }
            command.addAll(List.of("-jar", JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(dir.resolve("out").toFile())
                    .redirectError(dir.resolve("err").toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            if (stdin == null) {
                builder.redirectInput(new File("/dev/null"));
            } else {
                Files.writeString(dir.resolve("in"), stdin, StandardCharsets.UTF_8);
                builder.redirectInput(dir.resolve("in").toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("spice-secrets " + List.of(args) + " did not end within 60 s");
            }
            return new Run(List.of(args), process.exitValue(),
                    Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            delete(dir);
        }
    }

    /**
     * Makes the class-data archive once per test JVM, by running {@code list --json} against an emulator of its own
     * with {@code -XX:ArchiveClassesAtExit}; without an archive (a JVM that cannot make one) runs are only slower.
     */
    private static synchronized boolean archive() throws IOException, InterruptedException {
        if (archived == null) {
            Files.deleteIfExists(ARCHIVE);
            try (SecretsEmulator emulator = SecretsEmulator.start()) {
                long app = emulator.createApp("training");
                List<String> command = new ArrayList<>(List.of(JAVA.toString()));
                command.addAll(JVM_OPTIONS);
                command.addAll(List.of("-XX:ArchiveClassesAtExit=" + ARCHIVE, "-jar", JAR.toString(), "list",
                        "--json"));
                ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                builder.environment().clear();
                builder.environment().putAll(Map.of(ClientConfig.API_ENDPOINT, emulator.baseUrl().toString(),
                        ClientConfig.TOKEN, emulator.issueToken("secrets:read"), ClientConfig.APP_ID, Long.toString(app)));
                Process process = builder.start();
                archived = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0 && Files.isRegularFile(ARCHIVE);
            }
        }
        return archived;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
