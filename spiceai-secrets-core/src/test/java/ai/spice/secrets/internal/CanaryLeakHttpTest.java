package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.Figures;
import ai.spice.secrets.RecordingListener;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.internal.call.Futures;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A known value, token, client secret and access token go through every operation (sync and async), every credential
 * kind, every fault of the matrix ({@link WireFault}) and a few answers whose bodies carry text, with the SDK logging at
 * TRACE; then every captured log line, listener event, exception message (causes and suppressed included) and toString
 * of every public object is searched for them.
 */
class CanaryLeakHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static final Figures figures = Figures.lineByLine();

    private static final String VALUE = "CANARY-VALUE-7f3a9c";
    private static final String TOKEN = "CANARY-TOKEN-b51e02";
    private static final String CLIENT_SECRET = "CANARY-CLIENT-SECRET-d4c8";
    private static final String ACCESS_TOKEN = "CANARY-ACCESS-TOKEN-90aa";
    private static final String PROVIDED_TOKEN = "CANARY-PROVIDED-TOKEN-31e7";
    /** A provider's token no header may carry: the request cannot be built, and the message must not quote it. */
    private static final String BAD_TOKEN = "CANARY-BAD-TOKEN-5c0d\r\nX-Evil: 1";
    private static final List<String> CANARIES = List.of(VALUE, TOKEN, CLIENT_SECRET, ACCESS_TOKEN, PROVIDED_TOKEN,
            "CANARY-BAD-TOKEN-5c0d");

    enum Auth { TOKEN, CLIENT_CREDENTIALS, PROVIDER, PROVIDER_WITH_BAD_TOKEN }

    /** Answers beyond the fault table, whose bodies carry text: validation details, a scope, an unmasked value. */
    private static final Map<String, Function<Op, ResponseDefinitionBuilder>> ANSWERS = answers();

    private static Map<String, Function<Op, ResponseDefinitionBuilder>> answers() {
        Map<String, Function<Op, ResponseDefinitionBuilder>> answers = new LinkedHashMap<>();
        answers.put("ok", Op::ok);
        answers.put("400 validation", op -> aResponse().withStatus(400).withBody("{\"error\":\"Validation error\","
                + "\"details\":{\"fieldErrors\":{\"value\":[\"bad\"]}}}"));
        answers.put("401", op -> aResponse().withStatus(401).withBody("{\"error\":\"Invalid token\"}"));
        answers.put("403 scope", op -> aResponse().withStatus(403).withBody(
                "{\"error\":\"Insufficient scope. Required: secrets:write\",\"code\":\"insufficient_scope\"}"));
        answers.put("429 Retry-After 0", op -> aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody("{\"error\":\"Rate limit exceeded\"}"));
        answers.put("500 html", op -> aResponse().withStatus(500).withBody("<html>oops</html>"));
        answers.put("bad json", op -> aResponse().withStatus(200).withBody("{\"id\":\"x\",\"name\":1}"));
        answers.put("unmasked value", op -> okJson(op == Op.LIST
                ? "{\"secrets\":[" + unmasked() + "]}" : unmasked()));
        for (WireFault fault : WireFault.values()) {
            if (fault.isAnswer()) {
                answers.put(fault.name(), fault::response);
            }
        }
        return answers;
    }

    private static String unmasked() {
        return "{\"id\":1,\"name\":\"DB_URL\",\"value\":\"" + VALUE + "\",\"created_at\":\"2024-01-15T10:00:00Z\","
                + "\"updated_at\":\"2024-01-15T10:00:00Z\"}";
    }

    @Test
    void noCanaryInAnyLogLineEventMessageOrToString() throws IOException {
        List<Object> searched = new ArrayList<>();
        RecordingListener listener = new RecordingListener();
        int calls = 0;
        List<String> logLines;
        try (LogCapture logs = new LogCapture()) {
            for (Auth auth : Auth.values()) {
                for (var answer : ANSWERS.entrySet()) {
                    if (auth == Auth.PROVIDER_WITH_BAD_TOKEN && !answer.getKey().equals("ok")) {
                        continue; // no request is ever sent with that token: one answer is enough
                    }
                    server.resetAll();
                    server.stubFor(post(urlPathEqualTo("/oauth")).willReturn(okJson(
                            "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600}")));
                    for (Op op : Op.values()) {
                        server.stubFor(op.stub().willReturn(answer.getValue().apply(op)));
                    }
                    // the slow answer only needs to time out: a shorter timeout keeps this test quick
                    Duration timeout = answer.getKey().equals(WireFault.SLOW.name())
                            ? Duration.ofMillis(30) : WireFault.SLOW_TIMEOUT;
                    calls += runEveryOperation(client(auth, server.baseUrl(), timeout, listener), searched);
                }
                // nothing listens: the connection is refused
                calls += runEveryOperation(client(auth, "http://127.0.0.1:" + FaultRun.closedPort(), WireFault.SLOW_TIMEOUT,
                        listener), searched);
            }
            searched.add(new ClientBuilder().token(TOKEN));
            searched.add(new ClientBuilder().clientCredentials("id", CLIENT_SECRET));
            searched.add(new ClientBuilder().credentials(() -> PROVIDED_TOKEN));
            searched.add(SecretValue.of(VALUE));
            searched.add(SecretValue.of(VALUE.toCharArray()));
            searched.add(RetryPolicy.defaults());
            logLines = logs.lines();
        }
        List<Object> events = listener.events();
        searched.addAll(events);
        List<String> texts = new ArrayList<>(logLines);
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object object : searched) {
            collect(object, texts, seen);
        }
        assertThat(logLines).as("the SDK logged one DEBUG line per attempt").hasSizeGreaterThan(calls);
        assertThat(events).as("listeners heard every operation").hasSizeGreaterThan(3 * calls);
        assertThat(seen).as("failures were searched too").hasSizeGreaterThan(calls);
        for (String canary : CANARIES) {
            assertThat(texts.stream().filter(text -> text.contains(canary)).toList()).as(canary).isEmpty();
        }
        figures.report("canary search: %d calls (%d answers and faults + refused connection, x %d operations x 2 modes"
                        + " x %d credential kinds) logged at TRACE; searched %d log lines, %d listener events, %d objects,"
                        + " %d throwables (causes and suppressed included): %d texts, %d canaries, 0 found",
                calls, ANSWERS.size(), Op.values().length, Auth.values().length, logLines.size(), events.size(),
                searched.size(), seen.size(), texts.size(), CANARIES.size());
    }

    /** Every operation, sync and async, on one client; collects the client, its async view and each outcome. */
    private static int runEveryOperation(SecretsClient client, List<Object> searched) {
        int calls = 0;
        try (client) {
            searched.add(client);
            searched.add(client.async());
            for (Op op : Op.values()) {
                for (Op.Mode mode : Op.Mode.values()) {
                    searched.add(run(op, mode, client));
                    calls++;
                }
            }
        }
        return calls;
    }

    private static SecretsClient client(Auth auth, String baseUrl, Duration timeout, SecretsListener listener) {
        ClientBuilder builder = new ClientBuilder().baseUrl(baseUrl).scheduler(new RecordingScheduler())
                .requestTimeout(timeout).retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .listener(listener);
        ClientBuilder authenticated = switch (auth) {
            case TOKEN -> builder.token(TOKEN);
            case CLIENT_CREDENTIALS -> builder.tokenUrl(server.baseUrl() + "/oauth").clientCredentials("client-1", CLIENT_SECRET);
            case PROVIDER -> builder.credentials(() -> PROVIDED_TOKEN);
            case PROVIDER_WITH_BAD_TOKEN -> builder.credentials(() -> BAD_TOKEN);
        };
        return authenticated.build();
    }

    /** The operations with the canary value (Op's own upserts use a fixed value, so these are spelled out). */
    private static Object run(Op op, Op.Mode mode, SecretsClient client) {
        try {
            if (op == Op.UPSERT || op == Op.UPSERT_SECRET_VALUE) {
                return mode == Op.Mode.SYNC
                        ? (op == Op.UPSERT ? client.upsert(42, "DB_URL", VALUE) : client.upsert(42, "DB_URL", SecretValue.of(VALUE)))
                        : Futures.await(op == Op.UPSERT ? client.async().upsert(42, "DB_URL", VALUE)
                                : client.async().upsert(42, "DB_URL", SecretValue.of(VALUE)));
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
