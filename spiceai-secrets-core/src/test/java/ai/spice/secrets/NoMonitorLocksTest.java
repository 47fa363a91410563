package ai.spice.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * On JDK 21 to 23 a virtual thread that blocks inside {@code synchronized} pins its carrier thread; so the SDK locks
 * with {@code ReentrantLock} on every path a call can block in (token refresh included), and uses no monitor at all.
 */
class NoMonitorLocksTest {

    @Test
    void sdkSourcesUseNoSynchronizedBlocksOrMethods() throws Exception {
        List<String> offenders;
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            offenders = sources.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).lines().map(String::strip)
                            .filter(line -> !line.startsWith("*") && !line.startsWith("//") && !line.startsWith("/*"))
                            .anyMatch(line -> line.matches(".*\\bsynchronized\\b.*")))
                    .map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
