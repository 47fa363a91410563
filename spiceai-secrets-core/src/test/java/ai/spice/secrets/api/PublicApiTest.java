package ai.spice.secrets.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretsClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public API is recorded in {@code api/public-api.txt}; any change to it must update that file in the same
 * change, so it is deliberate and visible in review. Regenerate with
 * {@code mvn -pl spiceai-secrets-core test -Dtest=PublicApiTest -Dapi.update=true}.
 */
class PublicApiTest {

    private static final Path RECORDED = Path.of("api", "public-api.txt");

    @Test
    void publicApiMatchesTheRecordedSignatures() throws Exception {
        List<String> current = PublicApi.of(classesRoot());
        if (Boolean.getBoolean("api.update")) {
            Files.createDirectories(RECORDED.getParent());
            Files.write(RECORDED, current, StandardCharsets.UTF_8);
        }
        List<String> recorded = Files.readAllLines(RECORDED, StandardCharsets.UTF_8);
        assertThat(PublicApi.diff(recorded, current))
                .as("the public API changed without %s being updated (rerun with -Dapi.update=true and review the diff)", RECORDED)
                .isEmpty();
    }

    @Test
    void anUnrecordedChangeIsCaughtAndNamed() throws Exception {
        List<String> recorded = Files.readAllLines(RECORDED, StandardCharsets.UTF_8);
        List<String> changed = new ArrayList<>(PublicApi.of(classesRoot()));
        changed.remove("ai.spice.secrets.SecretsClient : public abstract void ai.spice.secrets.SecretsClient.close()");
        changed.add("ai.spice.secrets.SecretsClient : public abstract void ai.spice.secrets.SecretsClient.close(boolean)");
        assertThat(PublicApi.diff(recorded, changed)).containsExactly(
                "+ ai.spice.secrets.SecretsClient : public abstract void ai.spice.secrets.SecretsClient.close(boolean)",
                "- ai.spice.secrets.SecretsClient : public abstract void ai.spice.secrets.SecretsClient.close()");
    }

    @Test
    void internalPackagesAreNotPartOfIt() throws Exception {
        assertThat(PublicApi.of(classesRoot())).noneMatch(line -> line.contains("ai.spice.secrets.internal"))
                .contains("exports ai.spice.secrets", "exports ai.spice.secrets.errors");
    }

    private static Path classesRoot() throws Exception {
        return Path.of(SecretsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
