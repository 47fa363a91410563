package ai.spice.secrets.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.testkit.SecretsEmulator;
import ai.spice.secrets.testkit.nojunit.NoJUnitMain;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JUnit is optional: a JVM with the testkit and its runtime dependencies (Jackson, SLF4J) but no JUnit jar runs an
 * emulator, on the class path and as a named module (where {@code requires static} must not make JUnit needed).
 */
class WithoutJUnitTest {

    @Test
    void theEmulatorRunsOnAClassPathWithoutJUnit() throws Exception {
        String classPath = String.join(File.pathSeparator, testkit(), location(NoJUnitMain.class), dependencies());

        String output = run("-cp", classPath, NoJUnitMain.class.getName());

        assertThat(output).contains("listed: 200", "module: null", "junit: absent", "extension: needs JUnit");
    }

    @Test
    void theModuleResolvesAndRunsOnAModulePathWithoutJUnit() throws Exception {
        String modulePath = String.join(File.pathSeparator, testkit(), dependencies());

        String output = run("--module-path", modulePath, "--add-modules", "ai.spice.secrets.testkit",
                "-cp", location(NoJUnitMain.class), NoJUnitMain.class.getName());

        assertThat(output).contains("listed: 200", "module: ai.spice.secrets.testkit", "junit: absent",
                "extension: needs JUnit");
    }

    /** Runs the JDK's java with these arguments; returns what it printed, once it exited 0. */
    private static String run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(arguments));
        assertThat(String.join(File.pathSeparator, arguments).split("[ " + File.pathSeparator + "]"))
                .noneMatch(entry -> entry.contains("/org/junit/") || entry.matches(".*/junit-[^/]*\\.jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The testkit's own classes (the main ones, not the tests'). */
    private static String testkit() throws Exception {
        return location(SecretsEmulator.class);
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The testkit's runtime dependencies, from this test's class path. */
    private static String dependencies() {
        List<String> jars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.matches(".*/(jackson-(core|databind|annotations)|slf4j-api)-[^/]*\\.jar"))
                .toList();
        assertThat(jars).hasSize(4);
        return String.join(File.pathSeparator, jars);
    }
}
