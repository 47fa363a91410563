package ai.spice.secrets.bulk;

import static ai.spice.secrets.bulk.WireClients.APP;
import static ai.spice.secrets.bulk.WireClients.SECRETS_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.BadRequestException;
import ai.spice.secrets.errors.BulkFailureException;
import ai.spice.secrets.errors.InvalidSecretNameException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Plan and apply against an app that has A, B and C, with B, C and D desired. */
class SyncHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CANARY = "canary-sync-5c4b3a";

    @BeforeEach
    void appHasABAndC() {
        WireClients.stubList(server, "A", "B", "C");
        server.stubFor(post(urlPathEqualTo(SECRETS_PATH)).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(WireClients.upsertEcho()).withTransformers("response-template")));
        server.stubFor(delete(urlPathMatching(SECRETS_PATH + "/.+")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void planCreatesWhatIsMissingUpdatesWhatExistsAndLeavesTheRest() {
        SyncPlan plan;
        try (SecretsClient client = WireClients.client(server)) {
            plan = client.plan(APP, desired(), SyncOptions.defaults());
        }
        assertThat(plan.toCreate()).containsExactly("D");
        assertThat(plan.toUpdate()).containsExactly("B", "C");
        assertThat(plan.toDelete()).isEmpty();
        assertThat(plan.unchanged()).containsExactly("A");
        assertThat(plan.hasChanges()).isTrue();
        assertThat(plan.appId()).isEqualTo(APP);
        assertThat(plan).hasToString("""
                + D
                ~ B
                ~ C
                Plan for app 42: 1 to create, 2 to update, 0 to delete, 1 unchanged""");
        server.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void planWithPruneDeletesWhatIsNotDesired() {
        SyncPlan plan;
        try (SecretsClient client = WireClients.client(server)) {
            plan = client.plan(APP, desired(), SyncOptions.builder().prune(true).build());
        }
        assertThat(plan.toDelete()).containsExactly("A");
        assertThat(plan.unchanged()).isEmpty();
        assertThat(plan.toString()).contains("- A\n").endsWith("1 to create, 2 to update, 1 to delete, 0 unchanged");
    }

    @Test
    void createOnlyLeavesExistingValuesAlone() {
        SyncPlan plan;
        try (SecretsClient client = WireClients.client(server)) {
            plan = client.plan(APP, desired(), SyncOptions.builder().createOnly(true).build());
            SyncResult result = plan.apply();
            assertThat(result.created()).containsExactly("D");
            assertThat(result.updated()).isEmpty();
        }
        assertThat(plan.toUpdate()).isEmpty();
        assertThat(plan.unchanged()).containsExactly("A", "B", "C");
        server.verify(1, postRequestedFor(urlPathEqualTo(SECRETS_PATH)));
    }

    @Test
    void applyWritesThenDeletesAndReportsEachChange() {
        List<String> progress = new ArrayList<>();
        SyncResult result;
        try (SecretsClient client = WireClients.client(server)) {
            SyncOptions options = SyncOptions.builder().prune(true).bulk(BulkOptions.builder().concurrency(1)
                    .progress((done, total, name) -> progress.add(done + "/" + total + " " + name)).build()).build();
            result = client.plan(APP, desired(), options).apply();
        }
        assertThat(result.created()).containsExactly("D");
        assertThat(result.updated()).containsExactly("B", "C");
        assertThat(result.deleted()).containsExactly("A");
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.changeCount()).isEqualTo(4);
        assertThat(result).hasToString("SyncResult[created=1, updated=2, deleted=1, failed=0, skipped=0]");
        assertThat(progress).containsExactly("1/4 B", "2/4 C", "3/4 D", "4/4 A");
        server.verify(3, postRequestedFor(urlPathEqualTo(SECRETS_PATH)));
        server.verify(1, deleteRequestedFor(urlPathEqualTo(SECRETS_PATH + "/A")));
    }

    @Test
    void aDryRunSendsNoWriteAndChangesNothing() {
        SyncResult result;
        SyncPlan plan;
        try (SecretsClient client = WireClients.client(server)) {
            plan = client.plan(APP, desired(), SyncOptions.builder().prune(true).dryRun(true).build());
            result = plan.apply();
        }
        assertThat(plan.toString()).endsWith("(dry run: apply changes nothing)");
        assertThat(result.dryRun()).isTrue();
        assertThat(result.changeCount()).isZero();
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.toString()).startsWith("SyncResult[dry run, nothing changed");
        server.verify(1, getRequestedFor(urlPathEqualTo(SECRETS_PATH)));
        server.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aFailedWriteMeansNoSecretIsDeleted() {
        server.stubFor(post(urlPathEqualTo(SECRETS_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.name", equalTo("D")))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"Validation error\"}")));
        SyncResult result;
        try (SecretsClient client = WireClients.client(server)) {
            result = client.plan(APP, desired(), SyncOptions.builder().prune(true).build()).apply();
        }
        assertThat(result.failed()).containsOnlyKeys("D");
        assertThat(result.failed().get("D")).isInstanceOf(BadRequestException.class);
        assertThat(result.updated()).containsExactly("B", "C");
        assertThat(result.skipped()).containsExactly("A");
        assertThat(result.deleted()).isEmpty();
        server.verify(0, deleteRequestedFor(anyUrl()));
        assertThatThrownBy(result::throwIfFailed).isInstanceOf(BulkFailureException.class)
                .hasMessage("1 of 4 secrets failed: D (BadRequestException)").hasMessageNotContaining(CANARY);
    }

    @Test
    void planChecksEveryNameBeforeListing() {
        Map<String, SecretValue> desired = new LinkedHashMap<>(desired());
        desired.put("bad-name", SecretValue.of(CANARY));
        desired.put("_ok", SecretValue.of(CANARY));
        desired.put("also.bad", SecretValue.of(CANARY));
        try (SecretsClient client = WireClients.client(server)) {
            assertThatThrownBy(() -> client.plan(APP, desired, SyncOptions.defaults()))
                    .isInstanceOfSatisfying(InvalidSecretNameException.class,
                            e -> assertThat(e.names()).containsExactly("bad-name", "also.bad"))
                    .hasMessageNotContaining(CANARY);
            assertThatThrownBy(() -> client.plan(-1, desired(), SyncOptions.defaults())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.plan(APP, desired(), null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("options");
        }
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void planToStringShowsNamesNeverValues() {
        Map<String, SecretValue> desired = new LinkedHashMap<>();
        desired.put("NEW_KEY", SecretValue.of(CANARY));
        desired.put("B", SecretValue.of(CANARY));
        SyncPlan plan;
        try (SecretsClient client = WireClients.client(server)) {
            plan = client.plan(APP, desired, SyncOptions.builder().prune(true).build());
        }
        assertThat(plan).hasToString("""
                + NEW_KEY
                ~ B
                - A
                - C
                Plan for app 42: 1 to create, 1 to update, 2 to delete, 0 unchanged""");
        assertThat(plan.options().toString()).doesNotContain(CANARY);
    }

    @Test
    void optionsHaveDocumentedDefaultsAndBuildersCopy() {
        SyncOptions defaults = SyncOptions.defaults();
        assertThat(defaults.prune()).isFalse();
        assertThat(defaults.createOnly()).isFalse();
        assertThat(defaults.dryRun()).isFalse();
        assertThat(defaults.bulk()).isEqualTo(BulkOptions.defaults());
        assertThat(defaults.bulk().concurrency()).isEqualTo(BulkOptions.DEFAULT_CONCURRENCY);
        assertThat(defaults.bulk().failureMode()).isEqualTo(FailureMode.CONTINUE);
        SyncOptions.Builder builder = SyncOptions.builder().prune(true);
        SyncOptions built = builder.build();
        builder.prune(false).bulk(BulkOptions.builder().concurrency(2).build());
        assertThat(built.prune()).isTrue();
        assertThat(built.bulk().concurrency()).isEqualTo(8);
        assertThat(built.toBuilder().build()).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
        assertThat(built).isNotEqualTo(builder.build()).isNotEqualTo(SyncOptions.defaults());
        assertThatThrownBy(() -> SyncOptions.builder().bulk(null)).isInstanceOf(NullPointerException.class);
    }

    private static Map<String, SecretValue> desired() {
        Map<String, SecretValue> desired = new LinkedHashMap<>();
        desired.put("B", SecretValue.of("b"));
        desired.put("C", SecretValue.of("c"));
        desired.put("D", SecretValue.of("d"));
        return desired;
    }
}
