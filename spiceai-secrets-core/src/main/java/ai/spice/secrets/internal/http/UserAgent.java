package ai.spice.secrets.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code spiceai-secrets-java/<version> java/<runtime version>}, the version filtered in by the build. */
public final class UserAgent {

    public static final String VERSION = readVersion();
    public static final String VALUE = "spiceai-secrets-java/" + VERSION + " java/" + Runtime.version();

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
