package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Apps belong to organizations; a token to one by default; {@code X-Org-Name} selects another, as Spice documents. */
class OrganizationsTest {

    private SecretsEmulator emulator;
    private Organization acme;
    private long ownApp;
    private long acmeApp;
    private String token;

    @BeforeEach
    void start() {
        emulator = SecretsEmulator.start();
        acme = emulator.createOrganization("acme");
        emulator.createOrganization("beta");
        ownApp = emulator.createApp("own");
        acmeApp = acme.createApp("theirs");
        token = emulator.issueToken("*");
        acme.addMember(token, OrgRole.MEMBER);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** Each row: the X-Org-Name sent ("-" for none), then the status, then the app listed or the error code. */
    @ParameterizedTest(name = "X-Org-Name [{0}]: {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "-        | 200 | own",
        "emulator | 200 | own",
        "EMULATOR | 200 | own",
        "acme     | 200 | theirs",
        "Acme     | 200 | theirs",
        "beta     | 403 | org_forbidden",
        "nowhere  | 403 | org_forbidden",
        "''       | 400 | invalid_org_assertion",
        "'   '    | 400 | invalid_org_assertion",
        "a b      | 400 | invalid_org_assertion",
        "acme!    | 400 | invalid_org_assertion",
        "acme/web | 400 | invalid_org_assertion",
    })
    void orgHeaderSelectsTheOrganizationAsSpiceDocumentsIt(String header, int status, String outcome) {
        CheckedClient client = CheckedClient.of(emulator, token);
        if (!"-".equals(header)) {
            client = client.org(header);
        }
        // A blank or malformed handle breaks the contract's pattern for the header: the validator must see that.
        Contract.Exchange list = (status == 400 ? client.forbiddenRequests() : client).get("/v1/projects");

        assertThat(list.status()).isEqualTo(status);
        if (status == 200) {
            assertThat(list.json().get("projects").get(0).get("name").textValue()).isEqualTo(outcome);
            assertThat(list.json().get("projects")).hasSize(1);
        } else {
            assertThat(list.json().get("code").textValue()).isEqualTo(outcome);
        }
    }

    @Test
    void anOrganizationTheCallerDoesNotBelongToAnswersTheDocsBody() {
        Contract.Exchange refused = CheckedClient.of(emulator, token).org("beta").get("/v1/apps");

        assertThat(refused.body())
                .isEqualTo("{\"error\":\"You are not a member of the requested organization\",\"code\":\"org_forbidden\"}");
    }

    @Test
    void orgHeaderIsCheckedOnEverySecretsRouteToo() {
        CheckedClient client = CheckedClient.of(emulator, token);

        assertThat(client.org("beta").get("/v1/apps/" + ownApp + "/secrets").status()).isEqualTo(403);
        assertThat(client.org("").forbiddenRequests().post("/v1/projects/" + ownApp + "/secrets",
                "{\"name\":\"A\",\"value\":\"v\"}").status()).isEqualTo(400);
        assertThat(emulator.secretNames(ownApp)).isEmpty();
    }

    @Test
    void secretsOfAnotherOrganizationsAppNeedItsHeader() {
        CheckedClient client = CheckedClient.of(emulator, token);
        String secrets = "/v1/apps/" + acmeApp + "/secrets";

        Contract.Exchange withoutHeader = client.post(secrets, "{\"name\":\"A\",\"value\":\"v\"}");
        Contract.Exchange withHeader = client.org("acme").post(secrets, "{\"name\":\"A\",\"value\":\"v\"}");

        assertThat(withoutHeader.status()).isEqualTo(404);
        assertThat(withoutHeader.body()).isEqualTo("{\"error\":\"App not found\"}");
        assertThat(withHeader.status()).isEqualTo(200);
        assertThat(emulator.storedValue(acmeApp, "A")).contains("v");
        assertThat(client.org("acme").get("/v1/apps/" + ownApp + "/secrets").status())
                .as("and then the caller's own organization's apps are elsewhere").isEqualTo(404);
    }

    /** Each row: the X-Org-Name an OAuth client of the default organization sends, then the status and code. */
    @ParameterizedTest(name = "X-Org-Name [{0}]: {1}")
    @CsvSource({
        "emulator, 200, -",
        "acme,     403, org_assertion_mismatch",
        "nowhere,  403, org_assertion_mismatch",
    })
    void oauthClientMayNameOnlyItsOwnOrganization(String header, int status, String code) {
        String accessToken = OAuthTokenTest.accessToken(emulator, emulator.registerClient("*"));

        Contract.Exchange list = CheckedClient.of(emulator, accessToken).org(header).get("/v1/apps");

        assertThat(list.status()).isEqualTo(status);
        if (status != 200) {
            assertThat(list.json().get("code").textValue()).isEqualTo(code);
        }
    }

    /** Each row: the role, then the status of a read and of each write of project secrets. */
    @ParameterizedTest(name = "{0}: read {1}, upsert {2}, delete {3}")
    @CsvSource({
        "OWNER,  200, 200, 204",
        "ADMIN,  200, 200, 204",
        "MEMBER, 200, 200, 204",
        "VIEWER, 200, 403, 403",
    })
    void viewersAreReadOnlyWhateverTheirScopes(OrgRole role, int read, int upsert, int delete) {
        CheckedClient client = CheckedClient.of(emulator, acme.issueToken(role, "*"));
        String secrets = "/v1/projects/" + acmeApp + "/secrets";
        emulator.storeSecret(acmeApp, "TO_DELETE", "x");

        List<Contract.Exchange> answers = List.of(client.get(secrets),
                client.post(secrets, "{\"name\":\"WRITTEN\",\"value\":\"w\"}"), client.delete(secrets + "/TO_DELETE"));

        assertThat(answers).extracting(Contract.Exchange::status).containsExactly(read, upsert, delete);
        if (role == OrgRole.VIEWER) {
            assertThat(answers.get(1).body()).isEqualTo("{\"error\":\"Your role in this organization does not allow"
                    + " this. Required: member\",\"code\":\"forbidden\"}");
            assertThat(emulator.secretNames(acmeApp)).containsExactly("TO_DELETE");
        }
    }

    @Test
    void orgsListsTheCallersOrganizationsWithItsRoleInEach() {
        Contract.Exchange orgs = CheckedClient.of(emulator, token).get("/v1/orgs");

        assertThat(orgs.status()).isEqualTo(200);
        assertThat(orgs.body()).isEqualTo("{\"orgs\":[{\"id\":1,\"name\":\"emulator\",\"role\":\"owner\"},"
                + "{\"id\":2,\"name\":\"acme\",\"role\":\"member\"}]}");
    }

    @Test
    void aTokenBelongsToOneOrganizationByDefault() {
        Contract.Exchange orgs = CheckedClient.of(emulator, acme.issueToken(OrgRole.VIEWER, "apps:read")).get("/v1/orgs");

        assertThat(orgs.body()).isEqualTo("{\"orgs\":[{\"id\":2,\"name\":\"acme\",\"role\":\"viewer\"}]}");
    }

    @Test
    void anOauthClientListsOnlyItsOwnOrganizationAsOwner() {
        String accessToken = OAuthTokenTest.accessToken(emulator, acme.registerClient("apps:read"));

        Contract.Exchange orgs = CheckedClient.of(emulator, accessToken).get("/v1/orgs");

        assertThat(orgs.body()).isEqualTo("{\"orgs\":[{\"id\":2,\"name\":\"acme\",\"role\":\"owner\"}]}");
    }

    @Test
    void orgsChecksTheHeaderAndTheScopeButTheHeaderDoesNotNarrowTheList() {
        CheckedClient client = CheckedClient.of(emulator, token);

        assertThat(client.org("acme").get("/v1/orgs").json().get("orgs")).hasSize(2);
        assertThat(client.org("beta").get("/v1/orgs").status()).isEqualTo(403);
        assertThat(client.org("").forbiddenRequests().get("/v1/orgs").status()).isEqualTo(400);
        assertThat(CheckedClient.of(emulator, emulator.issueToken("secrets:read")).get("/v1/orgs").body())
                .isEqualTo("{\"error\":\"Insufficient scope. Required: apps:read\",\"code\":\"insufficient_scope\"}");
        assertThat(CheckedClient.anonymous(emulator).get("/v1/orgs").status()).isEqualTo(401);
    }

    @Test
    void theDefaultOrganizationsHandleIsABuilderSetting() {
        try (SecretsEmulator named = SecretsEmulator.builder().defaultOrganization("my-team").build()) {
            long app = named.createApp("web");

            assertThat(named.defaultOrganization().handle()).isEqualTo("my-team");
            assertThat(CheckedClient.of(named, named.issueToken("apps:read")).org("MY-TEAM")
                    .get("/v1/apps/" + app).json().get("org").textValue()).isEqualTo("my-team");
        }
    }

    @Test
    void organizationsAreFoundByHandleInAnyCaseAndCompareByIdentity() {
        assertThat(emulator.organization("ACME")).contains(acme);
        assertThat(emulator.organization("nowhere")).isEmpty();
        assertThat(emulator.defaultOrganization().id()).isEqualTo(1);
        assertThat(acme.id()).isEqualTo(2);
        assertThat(acme).hasToString("Organization[acme, id 2]");
        try (SecretsEmulator other = SecretsEmulator.start()) {
            assertThat(other.defaultOrganization()).isNotEqualTo(emulator.defaultOrganization());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "acme!", "ACME", "emulator"})
    void createOrganizationRefusesAnInvalidOrTakenHandle(String handle) {
        assertThatThrownBy(() -> emulator.createOrganization(handle)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(handle.isEmpty() ? "handle" : handle);
    }

    @Test
    void addMemberRefusesUnknownAndOauthTokens() {
        String accessToken = OAuthTokenTest.accessToken(emulator, emulator.registerClient("*"));
        List<Throwable> refusals = new ArrayList<>();
        for (String bad : List.of("nope", accessToken)) {
            refusals.add(catchThrowable(() -> acme.addMember(bad, OrgRole.MEMBER)));
        }

        assertThat(refusals).allSatisfy(refusal -> assertThat(refusal).isInstanceOf(IllegalArgumentException.class));
        assertThat(refusals.get(1)).hasMessageContaining("OAuth client");
        assertThatThrownBy(() -> acme.addMember(null, OrgRole.MEMBER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> acme.issueToken((OrgRole) null, "*")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SecretsEmulator.builder().defaultOrganization("a b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
