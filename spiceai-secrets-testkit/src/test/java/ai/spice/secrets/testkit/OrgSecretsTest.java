package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Organization secrets linked to projects, as Spice's own tooling uses them (the launch skill's script sends the PUT
 * without a body and reads only names and statuses); served only with {@code orgSecrets(true)}.
 */
class OrgSecretsTest {

    private final MutableClock clock = MutableClock.at("2026-09-01T12:00:00Z");
    private SecretsEmulator emulator;
    private Organization org;
    private long project;
    private CheckedClient writer;

    @BeforeEach
    void start() {
        emulator = SecretsEmulator.builder().clock(clock).orgSecrets(true).build();
        org = emulator.defaultOrganization();
        project = emulator.createApp("web");
        writer = CheckedClient.of(emulator, emulator.issueToken("secrets:write"));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @ParameterizedTest
    @CsvSource({"GET, /v1/orgs/1/secrets", "GET, /v1/projects/1/org-secrets", "PUT, /v1/projects/1/org-secrets/SHARED"})
    void orgSecretRoutesAre404UnlessTheEmulatorIsSetToServeThem(String method, String path) {
        try (SecretsEmulator plain = SecretsEmulator.start()) {
            plain.createApp("web");
            plain.defaultOrganization().storeSecret("SHARED", "s");

            Contract.Exchange missing = CheckedClient.of(plain, plain.issueToken("*")).send(method, path, null);

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("{\"error\":\"Not found\"}");
        }
    }

    @Test
    void orgListShowsNamesAndTimesButNeverAValueNorThePlatformSecret() {
        org.storeSecret("SHARED_KEY", "shared-canary");
        clock.advance(Duration.ofSeconds(2));
        org.storeSecret("SHARED_KEY", "shared-canary-2");
        org.storeSecret("ANOTHER", "a");

        Contract.Exchange list = writer.get("/v1/orgs/" + org.id() + "/secrets");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"secrets\":["
                + "{\"name\":\"ANOTHER\",\"created_at\":\"2026-09-01T12:00:02.000Z\",\"updated_at\":\"2026-09-01T12:00:02.000Z\"},"
                + "{\"name\":\"SHARED_KEY\",\"created_at\":\"2026-09-01T12:00:00.000Z\",\"updated_at\":\"2026-09-01T12:00:02.000Z\"}]}");
        assertThat(org.storedValue("SHARED_KEY")).contains("shared-canary-2");
    }

    @Test
    void linkingAnswers201ThenAndThen200AndTheProjectListsIt() {
        org.storeSecret("SHARED_KEY", "s");
        String linked = "/v1/projects/" + project + "/org-secrets";
        assertThat(writer.get(linked).body()).isEqualTo("{\"org_secrets\":[]}");

        Contract.Exchange first = writer.header("Content-Type", "application/json").put(linked + "/SHARED_KEY");
        Contract.Exchange again = writer.put(linked + "/SHARED_KEY");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).isEmpty();
        assertThat(again.status()).isEqualTo(200);
        assertThat(writer.get(linked).json().get("org_secrets").get(0).get("name").textValue()).isEqualTo("SHARED_KEY");
        assertThat(emulator.runtimeValue(project, "SHARED_KEY")).contains("s");
        assertThat(org.linkedSecrets(project)).containsExactly("SHARED_KEY");
        assertThat(emulator.secretNames(project)).as("linking copies nothing into the project").isEmpty();
    }

    @Test
    void linkingASecretTheOrganizationDoesNotHaveIs404() {
        Contract.Exchange missing = writer.put("/v1/projects/" + project + "/org-secrets/NOPE");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"Organization secret not found\"}");
        assertThat(org.linkedSecrets(project)).isEmpty();
    }

    @Test
    void thePlatformSecretIsLinkableButNeverListedForTheOrganizationAndCannotBeStored() {
        Contract.Exchange link = writer.put("/v1/projects/" + project + "/org-secrets/SCP_OPENAI_API_KEY");

        assertThat(link.status()).isEqualTo(201);
        assertThat(writer.get("/v1/orgs/" + org.id() + "/secrets").body()).isEqualTo("{\"secrets\":[]}");
        assertThat(org.linkedSecrets(project)).containsExactly("SCP_OPENAI_API_KEY");
        assertThatThrownBy(() -> org.storeSecret("SCP_OPENAI_API_KEY", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("platform secret");
    }

    @Test
    void aProjectSecretOfTheSameNameWinsOverALinkedOne() {
        org.storeSecret("DB_URL", "from-org");
        org.linkSecret(project, "DB_URL");
        assertThat(emulator.runtimeValue(project, "DB_URL")).contains("from-org");

        emulator.storeSecret(project, "DB_URL", "from-project");

        assertThat(emulator.runtimeValue(project, "DB_URL")).contains("from-project");
        assertThat(emulator.runtimeValue(project, "UNKNOWN")).isEmpty();
    }

    @Test
    void deletingAnOrgSecretUnlinksItFromEveryProject() {
        long other = emulator.createApp("other");
        org.storeSecret("SHARED_KEY", "s");
        org.linkSecret(project, "SHARED_KEY");
        org.linkSecret(other, "SHARED_KEY");

        assertThat(org.deleteSecret("SHARED_KEY")).isTrue();

        assertThat(writer.get("/v1/projects/" + project + "/org-secrets").body()).isEqualTo("{\"org_secrets\":[]}");
        assertThat(org.linkedSecrets(other)).isEmpty();
        assertThat(emulator.runtimeValue(project, "SHARED_KEY")).isEmpty();
        assertThat(org.deleteSecret("SHARED_KEY")).isFalse();
    }

    /** Each row: the role, then the status of the organization's list, the project's list and a link. */
    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @CsvSource({"OWNER, 200, 200, 201", "ADMIN, 200, 200, 201", "MEMBER, 200, 200, 201", "VIEWER, 403, 403, 403"})
    void viewersHaveNoAccessToOrgSecrets(OrgRole role, int orgList, int projectList, int link) {
        org.storeSecret("SHARED_KEY", "s");
        CheckedClient client = CheckedClient.of(emulator, org.issueToken(role, "secrets:write"));

        assertThat(client.get("/v1/orgs/" + org.id() + "/secrets").status()).isEqualTo(orgList);
        assertThat(client.get("/v1/projects/" + project + "/org-secrets").status()).isEqualTo(projectList);
        Contract.Exchange linked = client.put("/v1/projects/" + project + "/org-secrets/SHARED_KEY");
        assertThat(linked.status()).isEqualTo(link);
        if (role == OrgRole.VIEWER) {
            assertThat(linked.json().get("code").textValue()).isEqualTo("forbidden");
        }
    }

    @Test
    void linkingNeedsSecretsWriteAndReadingNeedsSecretsRead() {
        org.storeSecret("SHARED_KEY", "s");
        CheckedClient reader = CheckedClient.of(emulator, emulator.issueToken("secrets:read"));
        CheckedClient appsOnly = CheckedClient.of(emulator, emulator.issueToken("apps:read"));

        assertThat(reader.get("/v1/orgs/" + org.id() + "/secrets").status()).isEqualTo(200);
        assertThat(reader.put("/v1/projects/" + project + "/org-secrets/SHARED_KEY").body()).isEqualTo(
                "{\"error\":\"Insufficient scope. Required: secrets:write\",\"code\":\"insufficient_scope\"}");
        assertThat(appsOnly.get("/v1/projects/" + project + "/org-secrets").status()).isEqualTo(403);
        assertThat(CheckedClient.anonymous(emulator).get("/v1/orgs/" + org.id() + "/secrets").status()).isEqualTo(401);
    }

    @Test
    void anotherOrganizationAndItsProjectsAre404AndABadIdIs400() {
        Organization acme = emulator.createOrganization("acme");
        acme.storeSecret("THEIRS", "t");
        long theirs = acme.createApp("theirs");

        assertThat(writer.get("/v1/orgs/" + acme.id() + "/secrets").body())
                .isEqualTo("{\"error\":\"Organization not found\"}");
        assertThat(writer.get("/v1/orgs/999/secrets").status()).isEqualTo(404);
        assertThat(writer.put("/v1/projects/" + theirs + "/org-secrets/THEIRS").body())
                .isEqualTo("{\"error\":\"Project not found\"}");
        assertThat(writer.put("/v1/projects/" + project + "/org-secrets/THEIRS").status())
                .as("an org secret of another organization cannot be linked").isEqualTo(404);
        assertThat(writer.forbiddenRequests().get("/v1/orgs/abc/secrets").body())
                .isEqualTo("{\"error\":\"Invalid organization ID\"}");
        assertThat(writer.forbiddenRequests().get("/v1/projects/0/org-secrets").status()).isEqualTo(400);
    }

    @Test
    void aMemberOfAnotherOrganizationReachesItsOrgSecretsByIdAndItsProjectsWithTheHeader() {
        Organization acme = emulator.createOrganization("acme");
        acme.storeSecret("THEIRS", "t");
        long theirs = acme.createApp("theirs");
        String token = emulator.issueToken("secrets:write");
        acme.addMember(token, OrgRole.MEMBER);
        CheckedClient member = CheckedClient.of(emulator, token);

        assertThat(member.get("/v1/orgs/" + acme.id() + "/secrets").json().get("secrets")).hasSize(1);
        assertThat(member.org("acme").put("/v1/projects/" + theirs + "/org-secrets/THEIRS").status()).isEqualTo(201);
        assertThat(emulator.runtimeValue(theirs, "THEIRS")).contains("t");
    }

    @ParameterizedTest
    @CsvSource({"POST, /v1/orgs/1/secrets, GET", "DELETE, /v1/projects/1/org-secrets/A, PUT"})
    void otherMethodsAre405(String method, String path, String allowed) {
        // Not declared by the contract, so there is no answer to check against it.
        Contract.Exchange refused = Contract.send(emulator.baseUrl(), method, path,
                Map.of("Authorization", "Bearer " + emulator.issueToken("*")), null);

        assertThat(refused.status()).isEqualTo(405);
        assertThat(refused.header("Allow")).contains(allowed);
    }

    @Test
    void seedingMethodsCheckTheirArguments() {
        long theirs = emulator.createOrganization("acme").createApp("theirs");
        org.storeSecret("SHARED_KEY", "s");

        assertThatThrownBy(() -> org.storeSecret("bad-name", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> org.storeSecret("A", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> org.linkSecret(theirs, "SHARED_KEY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no app");
        assertThatThrownBy(() -> org.linkSecret(project, "NOPE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOPE");
        assertThat(org.linkSecret(project, "SHARED_KEY")).isTrue();
        assertThat(org.linkSecret(project, "SHARED_KEY")).isFalse();
        assertThat(org.linkedSecrets(theirs)).isEmpty();
        assertThat(org.secretNames()).containsExactly("SHARED_KEY");
    }
}
