package ai.spice.secrets.testkit.nojunit;

import ai.spice.secrets.testkit.SecretsEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Run by {@code WithoutJUnitTest} in a JVM that has the testkit and its runtime dependencies but no JUnit: starts an
 * emulator, lists an app's secrets over HTTP with an issued token, and says what it found of JUnit.
 */
public final class NoJUnitMain {

    private NoJUnitMain() {}

    public static void main(String[] args) throws Exception {
        try (SecretsEmulator emulator = SecretsEmulator.start()) {
            long appId = emulator.createApp("without-junit");
            String token = emulator.issueToken("secrets:read");
            HttpRequest list = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/apps/" + appId + "/secrets"))
                    .header("Authorization", "Bearer " + token).build();
            System.out.println("listed: " + HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
        System.out.println("module: " + SecretsEmulator.class.getModule().getName());
        System.out.println("junit: " + (loads("org.junit.jupiter.api.extension.Extension") ? "present" : "absent"));
        System.out.println("extension: "
                + (loads("ai.spice.secrets.testkit.junit.SecretsEmulatorExtension") ? "loaded" : "needs JUnit"));
    }

    private static boolean loads(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return false;
        }
    }
}
