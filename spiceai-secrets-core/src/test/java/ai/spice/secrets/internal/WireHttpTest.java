package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.internal.http.PathSegment;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Secret EXPECTED = new Secret(789, "DB_URL", "**********",
            Instant.parse("2024-01-15T10:00:00Z"), Instant.parse("2024-01-16T11:30:00Z"));

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ai.spice.secrets.internal.TestClients#operationsAndModes")
    void sendsExactMethodPathAndHeaders(Op op, Op.Mode mode) {
        server.stubFor(op.stub().willReturn(op.ok()));
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).organization("acme").build()) {
            op.run(client, mode);
        }
        List<LoggedRequest> requests = server.findAll(requestedFor(op.method, urlPathEqualTo(op.path)));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getUrl()).isEqualTo(op.path);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestClients.TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("X-Org-Name")).isEqualTo("acme");
        assertThat(request.getHeader("User-Agent"))
                .matches("spiceai-secrets-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? java/" + java.util.regex.Pattern.quote(Runtime.version().toString()));
        if (op.method.equals("POST")) {
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(request.getBodyAsString()).isEqualTo("{\"name\":\"DB_URL\",\"value\":\"postgres://u:p@h/db\"}");
        } else {
            assertThat(request.containsHeader("Content-Type")).isFalse();
            assertThat(request.getBody()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ai.spice.secrets.internal.TestClients#operationsAndModes")
    void readsTheAnswerOfEachOperation(Op op, Op.Mode mode) {
        server.stubFor(op.stub().willReturn(op.ok()));
        Object result;
        try (SecretsClient client = TestClients.client(server)) {
            result = op.run(client, mode);
        }
        Object expected = switch (op) {
            case LIST -> List.of(EXPECTED);
            case GET, UPSERT, UPSERT_SECRET_VALUE -> EXPECTED;
            case FIND -> Optional.of(EXPECTED);
            case DELETE -> null;
            case DELETE_IF_EXISTS -> true;
        };
        assertThat(result).isEqualTo(expected);
    }

    @Test
    void omitsOrgHeaderUnlessConfigured() {
        server.stubFor(Op.LIST.stub().willReturn(Op.LIST.ok()));
        try (SecretsClient client = TestClients.client(server)) {
            client.list(42);
        }
        server.verify(requestedFor("GET", urlPathEqualTo(Op.LIST.path)).withHeader("X-Org-Name", absent()));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201})
    void upsertAcceptsOkAndCreated(int status) {
        server.stubFor(post(urlPathEqualTo("/v1/apps/42/secrets")).willReturn(aResponse().withStatus(status).withBody(Op.SECRET_BODY)));
        try (SecretsClient client = TestClients.client(server)) {
            assertThat(client.upsert(42, "DB_URL", "v")).isEqualTo(EXPECTED);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204})
    void deleteAcceptsNoContentAndOk(int status) {
        server.stubFor(Op.DELETE.stub().willReturn(aResponse().withStatus(status)));
        try (SecretsClient client = TestClients.client(server)) {
            client.delete(42, "DB_URL");
            assertThat(client.deleteIfExists(42, "DB_URL")).isTrue();
        }
    }

    @Test
    void ignoresUnknownFieldsAndParsesTimestampsWithAndWithoutMillis() {
        server.stubFor(Op.LIST.stub().willReturn(okJson("{\"secrets\":[{\"id\":1,\"name\":\"A\",\"value\":\"********\","
                + "\"created_at\":\"2024-01-15T10:00:00.123Z\",\"updated_at\":\"2024-01-15T10:00:01Z\",\"owner\":{\"x\":[1]}}],"
                + "\"next\":null,\"total\":1}")));
        try (SecretsClient client = TestClients.client(server)) {
            Secret secret = client.list(42).get(0);
            assertThat(secret.createdAt()).isEqualTo(Instant.parse("2024-01-15T10:00:00.123Z"));
            assertThat(secret.updatedAt()).isEqualTo(Instant.parse("2024-01-15T10:00:01Z"));
            assertThat(secret.maskedValue()).isEqualTo("********");
        }
    }

    @Test
    void percentEncodesTheNameInThePathAndSendsUnderscoreNamesAsIs() {
        assertThat(PathSegment.encode("a b/ä%")).isEqualTo("a%20b%2F%C3%A4%25");
        server.stubFor(Op.GET.stub().willReturn(okJson(Op.SECRET_BODY)));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/apps/42/secrets/_internal_api_key"))
                .willReturn(okJson(Op.SECRET_BODY)));
        try (SecretsClient client = TestClients.client(server)) {
            client.get(42, "_internal_api_key");
        }
        server.verify(requestedFor("GET", urlPathEqualTo("/v1/apps/42/secrets/_internal_api_key"))
                .withHeader("Authorization", matching("Bearer .+")).withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void basePathPrefixIsKept() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/proxy/v1/apps/42/secrets"))
                .willReturn(okJson(Op.LIST_BODY)));
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).baseUrl(server.baseUrl() + "/proxy/").build()) {
            assertThat(client.list(42)).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ai.spice.secrets.internal.TestClients#operationsAndModes")
    void theProjectsPathsAreSentWhenAsked(Op op, Op.Mode mode) {
        String projectPath = op.path.replace("/v1/apps/", "/v1/projects/");
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.request(op.method, urlPathEqualTo(projectPath))
                .willReturn(op.ok()));
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler())
                .apiPaths(ai.spice.secrets.ApiPaths.PROJECTS).build()) {
            op.run(client, mode);
        }
        assertThat(server.findAll(requestedFor(op.method, urlPathEqualTo(projectPath)))).hasSize(1);
        assertThat(server.findAll(requestedFor(op.method, urlPathEqualTo(op.path)))).isEmpty();
    }
}
