package ai.spice.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.ApiPaths;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.NotFoundException;
import ai.spice.secrets.testkit.SecretsEmulator;
import org.junit.jupiter.api.Test;

/** Apps are projects: the two sets of routes reach the same secrets, and an unknown project is not a missing secret. */
class ProjectsPathsEmulatorTest {

    @Test
    void projectsAndAppsRoutesReachTheSameSecrets() {
        try (SecretsEmulator emulator = SecretsEmulator.start()) {
            long app = emulator.createApp("projects");
            String token = emulator.issueToken("secrets:read", "secrets:write");
            try (SecretsClient projects = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(token)
                    .apiPaths(ApiPaths.PROJECTS).build();
                 SecretsClient apps = SecretsClient.builder().baseUrl(emulator.baseUrl()).token(token).build()) {
                projects.upsert(app, "SHARED", "v");
                assertThat(apps.get(app, "SHARED").name()).isEqualTo("SHARED");
                assertThat(projects.list(app)).extracting(s -> s.name()).containsExactly("SHARED");
                assertThat(projects.deleteIfExists(app, "SHARED")).isTrue();
                assertThat(apps.find(app, "SHARED")).isEmpty();
                assertThat(emulator.requestCount("POST", "/v1/projects/")).isEqualTo(1);

                assertThatThrownBy(() -> projects.find(app + 1000, "SHARED")).isInstanceOf(NotFoundException.class)
                        .hasMessageContaining("Project not found");
                assertThatThrownBy(() -> projects.deleteIfExists(app + 1000, "SHARED"))
                        .isInstanceOf(NotFoundException.class);
            }
        }
    }
}
