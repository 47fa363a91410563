package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretsClient;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Without SnakeYAML Engine (an optional dependency) reading a spicepod fails with a typed error naming the artifact:
 * the SDK's classes are loaded again by a class loader that sees nothing but them and the JDK.
 */
class SpicepodParserAbsentTest {

    @Test
    void readingWithoutTheParserNamesTheArtifactToAdd() throws Exception {
        URL sdkClasses = Path.of(SecretsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toUri().toURL();
        try (URLClassLoader sdkOnly = new URLClassLoader(new URL[] {sdkClasses}, ClassLoader.getPlatformClassLoader())) {
            Class<?> references = sdkOnly.loadClass(SpicepodReferences.class.getName());
            assertThat(references).isNotSameAs(SpicepodReferences.class);
            Throwable thrown = null;
            try {
                references.getMethod("parse", String.class).invoke(null, "datasets: []\n");
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            }
            assertThat(thrown).isNotNull();
            assertThat(thrown.getClass().getName()).isEqualTo("ai.spice.secrets.errors.SpicepodException");
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasNoCause()
                    .hasMessage("<string>: reading a spicepod needs the YAML parser org.snakeyaml:snakeyaml-engine:3.2,"
                            + " which is absent: add that dependency to your build (the SDK declares it optional)");
            assertThat(sdkOnly.getResource("org/snakeyaml/engine/v2/api/LoadSettings.class")).isNull();
        }
    }
}
