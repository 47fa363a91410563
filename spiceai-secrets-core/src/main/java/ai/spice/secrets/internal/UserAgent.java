package ai.spice.secrets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code spiceai-secrets-java/<version> java/<runtime version>}, the version filtered in by the build. */
final class UserAgent {

    static final String VERSION = readVersion();
    static final String VALUE = "spiceai-secrets-java/" + VERSION + " java/" + Runtime.version();

    private UserAgent() {
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
