package ai.spice.secrets.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretName;
import ai.spice.secrets.SecretsClient;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny consumer compiled and run as a named JPMS module that {@code requires ai.spice.secrets}: it can use the
 * exported API, cannot compile against the internal package, and cannot reach it by reflection either.
 */
class ModulePathConsumerTest {

    private static final String MODULE_INFO = "module consumer { requires ai.spice.secrets; }";
    private static final String MAIN = """
            package consumer;
            import ai.spice.secrets.*;
            public class Main {
                public static void main(String[] args) throws Exception {
                    try (SecretsClient client = SecretsClient.builder().token("t").baseUrl("http://127.0.0.1:1").build()) {
                        System.out.println("built " + client.getClass().getModule().getName());
                    }
                    System.out.println("valid " + SecretName.isValid("DATABASE_URL"));
                    Class<?> internal = Class.forName("ai.spice.secrets.internal.ClientBuilder");
                    try {
                        internal.getConstructor().newInstance();
                        System.out.println("internal: ACCESSIBLE");
                    } catch (IllegalAccessException e) {
                        System.out.println("internal: inaccessible");
                    }
                }
            }
            """;
    private static final String SNEAKY = """
            package consumer;
            public class Sneaky {
                Object builder = new ai.spice.secrets.internal.ClientBuilder();
            }
            """;

    @TempDir
    Path work;

    @Test
    void namedModuleUsesTheExportedApiAndCannotReachInternals() throws Exception {
        String modulePath = modulePath();
        Path src = write("src/module-info.java", MODULE_INFO);
        Path main = write("src/consumer/Main.java", MAIN);
        Path out = work.resolve("out");
        assertThat(compile(modulePath, out, src, main)).as("consumer compiles").isEqualTo("");

        Process run = new ProcessBuilder(tool("java"),
                "--module-path", modulePath + File.pathSeparator + out, "-m", "consumer/consumer.Main")
                .redirectErrorStream(true).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("built ai.spice.secrets", "valid true", "internal: inaccessible");
        assertThat(run.exitValue()).as(output).isZero();
    }

    @Test
    void compilingAgainstTheInternalPackageFails() throws Exception {
        Path src = write("src/module-info.java", MODULE_INFO);
        Path sneaky = write("src/consumer/Sneaky.java", SNEAKY);
        assertThat(compile(modulePath(), work.resolve("out"), src, sneaky))
                .contains("package ai.spice.secrets.internal is not visible");
    }

    /** The SDK's classes and its three runtime dependencies' jars, taken from the test class path. */
    private static String modulePath() throws Exception {
        Path sdk = Path.of(SecretsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>(List.of(sdk.toString()));
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.matches(".*/(jackson-(core|databind|annotations|datatype-jsr310)|slf4j-api)-[^/]*\\.jar"))
                .forEach(entries::add);
        assertThat(entries).hasSize(6);
        return String.join(File.pathSeparator, entries);
    }

    private Path write(String relative, String content) throws Exception {
        Path file = work.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** Compiles the sources on the module path with the JDK's javac; returns its diagnostics, empty on success. */
    private static String compile(String modulePath, Path out, Path... sources) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool("javac"), "--module-path", modulePath, "-d", out.toString()));
        command.addAll(Stream.of(sources).map(Path::toString).collect(Collectors.toList()));
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String diagnostics = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return javac.exitValue() == 0 ? "" : diagnostics;
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
