package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretsClient;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional parser as a JPMS module: a consumer that requires {@code org.snakeyaml.engine} reads a spicepod; one
 * that does not gets the typed error naming the artifact, though the jar is on the module path ({@code requires
 * static} does not resolve it).
 */
class SpicepodModulePathTest {

    private static final String MAIN = """
            package consumer;
            public class Main {
                public static void main(String[] args) {
                    try {
                        var found = ai.spice.secrets.bulk.SpicepodReferences.parse(
                                "datasets:\\n  - params:\\n      k: '${secrets:KEY} # x'\\n");
                        System.out.println("found " + found.secretNames());
                    } catch (ai.spice.secrets.errors.SpicepodException e) {
                        System.out.println("refused: " + e.getMessage());
                    }
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void aConsumerThatRequiresTheParserReadsASpicepod() throws Exception {
        assertThat(run("module consumer { requires ai.spice.secrets; requires org.snakeyaml.engine; }"))
                .contains("found [KEY]");
    }

    @Test
    void aConsumerThatDoesNotResolveTheParserIsToldWhichArtifactToAdd() throws Exception {
        assertThat(run("module consumer { requires ai.spice.secrets; }"))
                .contains("refused: <string>: reading a spicepod needs the YAML parser org.snakeyaml:snakeyaml-engine:3.2");
    }

    private String run(String moduleInfo) throws Exception {
        String modulePath = modulePath();
        Path src = work.resolve("src");
        Files.createDirectories(src.resolve("consumer"));
        Path info = Files.writeString(src.resolve("module-info.java"), moduleInfo);
        Path main = Files.writeString(src.resolve("consumer/Main.java"), MAIN);
        Path out = work.resolve("out");
        assertThat(exec(tool("javac"), "--module-path", modulePath, "-d", out.toString(), info.toString(),
                main.toString())).isEmpty();
        return exec(tool("java"), "--module-path", modulePath + File.pathSeparator + out, "-m", "consumer/consumer.Main");
    }

    /** The SDK's classes and its dependencies' jars (versioned, or the compat run's unversioned copies), SnakeYAML Engine among them. */
    private static String modulePath() throws Exception {
        Path sdk = Path.of(SecretsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>(List.of(sdk.toString()));
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.matches(".*/(jackson-(core|databind|annotations|datatype-jsr310)|slf4j-api"
                        + "|snakeyaml-engine)(-[^/]*)?\\.jar"))
                .forEach(entries::add);
        assertThat(entries).hasSize(7);
        return String.join(File.pathSeparator, entries);
    }

    /** Runs a JDK tool; returns its output, and for javac nothing on success. */
    private static String exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return command[0].endsWith("javac") ? "" : output;
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
