package ai.spice.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.internal.http.UserAgent;
import org.junit.jupiter.api.Test;

/** Proves which Jackson and SLF4J a test run really has, so the compat run cannot silently use the new ones. */
class LibraryVersionsTest {

    @Test
    void runsWithTheJacksonAndSlf4jThisRunIsFor() {
        String jackson = System.getProperty("spice.expected.jackson");
        String slf4j = System.getProperty("spice.expected.slf4j");
        assertThat(jackson).as("set by the build").isNotNull();
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).isEqualTo(jackson);
        assertThat(com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION.toString()).isEqualTo(jackson);
        assertThat(classExists("org.slf4j.spi.SLF4JServiceProvider")).as("SLF4J 2 API present").isEqualTo(slf4j.equals("2"));
        assertThat(UserAgent.VALUE).startsWith("spiceai-secrets-java/");
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, LibraryVersionsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
