package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A known value, token and client secret go through every operation (sync and async) and every kind of failure with
 * the SDK logging at TRACE; then every captured log line, exception message (causes and suppressed included) and
 * toString is searched for them.
 */
class CanaryLeakHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String VALUE = "CANARY-VALUE-7f3a9c";
    private static final String TOKEN = "CANARY-TOKEN-b51e02";
    private static final String CLIENT_SECRET = "CANARY-CLIENT-SECRET-d4c8";
    private static final String ACCESS_TOKEN = "CANARY-ACCESS-TOKEN-90aa";

    private static final Map<String, Supplier<ResponseDefinitionBuilder>> ANSWERS = Map.ofEntries(
            Map.entry("400", () -> aResponse().withStatus(400).withBody("{\"error\":\"Validation error\",\"details\":{\"fieldErrors\":{\"value\":[\"bad\"]}}}")),
            Map.entry("401", () -> aResponse().withStatus(401).withBody("{\"error\":\"Invalid token\"}")),
            Map.entry("403", () -> aResponse().withStatus(403).withBody("{\"error\":\"Insufficient scope. Required: secrets:write\",\"code\":\"insufficient_scope\"}")),
            Map.entry("404", () -> aResponse().withStatus(404).withBody("{\"error\":\"Secret not found\"}")),
            Map.entry("429", () -> aResponse().withStatus(429).withHeader("Retry-After", "0").withBody("{\"error\":\"Rate limit exceeded\"}")),
            Map.entry("500", () -> aResponse().withStatus(500).withBody("<html>oops</html>")),
            Map.entry("302", () -> aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/")),
            Map.entry("reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
            Map.entry("garbage", () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
            Map.entry("bad-json", () -> aResponse().withStatus(200).withBody("{\"id\":\"x\",\"name\":1}")),
            Map.entry("unmasked", () -> okJson("{\"id\":1,\"name\":\"DB_URL\",\"value\":\"" + VALUE + "\","
                    + "\"created_at\":\"2024-01-15T10:00:00Z\",\"updated_at\":\"2024-01-15T10:00:00Z\"}")),
            Map.entry("ok", () -> aResponse().withStatus(200).withBody(Op.LIST_BODY)),
            Map.entry("slow", () -> aResponse().withStatus(200).withBody(Op.SECRET_BODY).withFixedDelay(400)));

    @Test
    void noCanaryInAnyLogLineMessageOrToString() {
        List<Object> searched = new ArrayList<>();
        List<String> logLines;
        try (LogCapture logs = new LogCapture()) {
            for (boolean oauth : new boolean[] {false, true}) {
                for (var answer : ANSWERS.entrySet()) {
                    for (Op op : Op.values()) {
                        for (Op.Mode mode : Op.Mode.values()) {
                            server.resetAll();
                            server.stubFor(post(urlPathEqualTo("/oauth")).willReturn(okJson(
                                    "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600}")));
                            server.stubFor(op.stub().willReturn(answer.getValue().get()));
                            try (SecretsClient client = client(oauth)) {
                                searched.add(client);
                                searched.add(client.async());
                                searched.add(run(op, mode, client));
                            }
                        }
                    }
                }
            }
            ClientBuilder builder = new ClientBuilder().token(TOKEN);
            searched.add(builder);
            searched.add(new ClientBuilder().clientCredentials("id", CLIENT_SECRET));
            searched.add(SecretValue.of(VALUE));
            searched.add(RetryPolicy.defaults());
            logLines = logs.lines();
        }
        List<String> texts = new ArrayList<>(logLines);
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object object : searched) {
            collect(object, texts, seen);
        }
        System.out.printf("canary search: %d log lines, %d objects (%d throwables incl. causes and suppressed), %d texts searched%n",
                logLines.size(), searched.size(), seen.size(), texts.size());
        assertThat(logLines).as("the SDK logged one DEBUG line per attempt").isNotEmpty();
        assertThat(seen).as("failures were searched too").hasSizeGreaterThan(100);
        for (String canary : List.of(VALUE, TOKEN, CLIENT_SECRET, ACCESS_TOKEN)) {
            assertThat(texts).noneMatch(text -> text.contains(canary));
        }
    }

    private static SecretsClient client(boolean oauth) {
        ClientBuilder builder = new ClientBuilder().baseUrl(server.baseUrl()).scheduler(new RecordingScheduler())
                .requestTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.builder().maxAttempts(2).build());
        return (oauth ? builder.tokenUrl(server.baseUrl() + "/oauth").clientCredentials("client-1", CLIENT_SECRET)
                : builder.token(TOKEN)).build();
    }

    /** The operations with the canary value (Op's own upserts use a fixed value, so these are spelled out). */
    private static Object run(Op op, Op.Mode mode, SecretsClient client) {
        try {
            if (op == Op.UPSERT || op == Op.UPSERT_SECRET_VALUE) {
                return mode == Op.Mode.SYNC
                        ? (op == Op.UPSERT ? client.upsert(42, "DB_URL", VALUE) : client.upsert(42, "DB_URL", SecretValue.of(VALUE)))
                        : RetryingExecutor.await(client.async().upsert(42, "DB_URL", SecretValue.of(VALUE)));
            }
            return op.run(client, mode);
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void collect(Object object, List<String> texts, Set<Throwable> seen) {
        if (object == null) {
            return;
        }
        texts.add(String.valueOf(object));
        if (object instanceof Throwable t && seen.add(t)) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(String.valueOf(t.getLocalizedMessage()));
            if (t instanceof ai.spice.secrets.errors.SpiceServiceException service) {
                texts.add(service.error().toString());
            }
            collect(t.getCause(), texts, seen);
            for (Throwable suppressed : t.getSuppressed()) {
                collect(suppressed, texts, seen);
            }
        }
        if (object instanceof Iterable<?> items) {
            items.forEach(item -> collect(item, texts, seen));
        }
        if (object instanceof java.util.Optional<?> optional) {
            optional.ifPresent(item -> collect(item, texts, seen));
        }
    }
}
