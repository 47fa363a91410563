package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.spice.secrets.Figures;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.InternalServerException;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.errors.UnexpectedStatusCodeException;
import ai.spice.secrets.internal.http.ResponseTooLargeException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a broken, hostile or compromised server can answer: bodies of the wrong shape, huge lists, endless bodies,
 * redirects to another host and HTML error pages. The SDK throws its typed exception, reads at most its cap, never
 * follows a redirect, and never repeats what the server sent in a message.
 */
class HostileResponseHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Another host, where a redirect points: it must never see a request, so never the token. */
    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SERVER_TEXT = "SERVER-SECRET-TEXT";
    private static final String TIMES = "\"created_at\":\"2024-01-15T10:00:00.000Z\",\"updated_at\":\"2024-01-16T11:30:00Z\"";
    @RegisterExtension
    static final Figures figures = Figures.summary(f -> String.format(
            "hostile responses: %d answers survived with the typed exception or the right result%s",
            f.get("survived"), f.notes()));

    static Stream<Arguments> wrongShapes() {
        String secret = "{\"id\":789,\"name\":\"DB_URL\",\"value\":\"**********\"," + TIMES + "}";
        return Stream.of(
                shape(Op.GET, "id as a string", "{\"id\":\"" + SERVER_TEXT + "\",\"name\":\"DB_URL\",\"value\":\"*\"," + TIMES + "}", "id"),
                shape(Op.GET, "id as a fraction", "{\"id\":1.5,\"name\":\"DB_URL\",\"value\":\"*\"," + TIMES + "}", "id"),
                shape(Op.GET, "id past a long", "{\"id\":99999999999999999999999,\"name\":\"DB_URL\",\"value\":\"*\"," + TIMES + "}", "id"),
                shape(Op.GET, "name as a number", "{\"id\":1,\"name\":7,\"value\":\"*\"," + TIMES + "}", "name"),
                shape(Op.GET, "name as an object", "{\"id\":1,\"name\":{\"x\":\"" + SERVER_TEXT + "\"},\"value\":\"*\"," + TIMES + "}", "name"),
                shape(Op.GET, "value as an array", "{\"id\":1,\"name\":\"A\",\"value\":[\"" + SERVER_TEXT + "\"]," + TIMES + "}", "value"),
                shape(Op.GET, "value as a boolean", "{\"id\":1,\"name\":\"A\",\"value\":true," + TIMES + "}", "value"),
                shape(Op.GET, "date that is no date", "{\"id\":1,\"name\":\"A\",\"value\":\"*\",\"created_at\":\"" + SERVER_TEXT
                        + "\",\"updated_at\":\"2024-01-16T11:30:00Z\"}", "created_at"),
                shape(Op.GET, "date out of range", "{\"id\":1,\"name\":\"A\",\"value\":\"*\",\"created_at\":\"2024-13-45T99:00:00Z\","
                        + "\"updated_at\":\"2024-01-16T11:30:00Z\"}", "created_at"),
                shape(Op.GET, "id missing", "{\"name\":\"A\",\"value\":\"*\"," + TIMES + "}", "'id'"),
                shape(Op.GET, "name missing", "{\"id\":1,\"value\":\"*\"," + TIMES + "}", "'name'"),
                shape(Op.GET, "updated_at null", "{\"id\":1,\"name\":\"A\",\"value\":\"*\",\"created_at\":\"2024-01-15T10:00:00Z\","
                        + "\"updated_at\":null}", "'updated_at'"),
                shape(Op.GET, "an empty object", "{}", "'id'"),
                shape(Op.GET, "an array", "[" + secret + "]", "wrong type"),
                shape(Op.GET, "a string", "\"" + SERVER_TEXT + "\"", "wrong type"),
                shape(Op.GET, "a number", "42", "wrong type"),
                shape(Op.GET, "JSON null", "null", "null"),
                shape(Op.GET, "one level too deep", "{\"secret\":" + secret + "}", "'id'"),
                shape(Op.GET, "100,000 levels of nesting", "[".repeat(100_000), "wrong type"),
                shape(Op.GET, "100,000 levels in an unknown field", "{\"id\":1,\"extra\":" + "[".repeat(100_000), "JSON"),
                shape(Op.UPSERT, "upsert answered with a list", "{\"secrets\":[" + secret + "]}", "'id'"),
                shape(Op.LIST, "secrets as an object", "{\"secrets\":{\"a\":" + secret + "}}", "secrets"),
                shape(Op.LIST, "secrets null", "{\"secrets\":null}", "'secrets'"),
                shape(Op.LIST, "secrets missing", "{\"" + SERVER_TEXT + "\":[]}", "'secrets'"),
                shape(Op.LIST, "a null secret", "{\"secrets\":[" + secret + ",null]}", "secrets[1]"),
                shape(Op.LIST, "a number for a secret", "{\"secrets\":[1]}", "secrets"),
                shape(Op.LIST, "a secret without fields", "{\"secrets\":[" + secret + ",{\"id\":2}]}", "secrets[1].name"),
                shape(Op.LIST, "one level too deep", "{\"data\":{\"secrets\":[" + secret + "]}}", "'secrets'"),
                shape(Op.LIST, "a bare array", "[" + secret + "]", "wrong type"));
    }

    private static Arguments shape(Op op, String what, String body, String where) {
        return Arguments.of(op, what, body, where);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongShapes")
    void aBodyOfTheWrongShapeIsInvalidDataSayingWhereButNotWhat(Op op, String what, String body, String where) {
        server.stubFor(op.stub().willReturn(okJson(body)));
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).retryPolicy(RetryPolicy.none()).build()) {
            Throwable thrown = catchThrowable(() -> op.run(client, Op.Mode.SYNC));
            assertThat(thrown).isExactlyInstanceOf(SpiceInvalidDataException.class)
                    .hasMessageContaining(op.method + " " + op.path).hasMessageContaining(where)
                    .hasMessageNotContaining(SERVER_TEXT);
            assertThat(thrown.getMessage()).hasSizeLessThan(300);
        }
        figures.add("survived", 1);
    }

    @Test
    void unknownFieldsEvenDeeplyNestedAreIgnored() {
        String noise = "\"extra\":{\"deep\":[[[[{\"x\":[1,2,{\"y\":null}]}]]]],\"n\":1e300}";
        server.stubFor(Op.LIST.stub().willReturn(okJson("{" + noise + ",\"secrets\":[{\"id\":1,\"name\":\"A\","
                + "\"value\":\"**\"," + noise + "," + TIMES + "}],\"next\":null}")));
        try (SecretsClient client = TestClients.client(server)) {
            assertThat(client.list(42)).extracting(Secret::name).containsExactly("A");
        }
        figures.add("survived", 1);
    }

    @Test
    void aListOfOneHundredThousandSecretsIsRead() {
        int count = 100_000;
        StringBuilder body = new StringBuilder(count * 130).append("{\"secrets\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":").append(1_000_000 + i).append(",\"name\":\"SECRET_")
                    .append(i).append("\",\"value\":\"**********\",").append(TIMES).append('}');
        }
        body.append("]}");
        server.stubFor(Op.LIST.stub().willReturn(okJson(body.toString())));
        try (SecretsClient client = TestClients.client(server)) {
            client.list(42); // the first read warms up the parser; the second is timed
            long start = System.nanoTime();
            List<Secret> secrets = client.list(42);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(secrets).hasSize(count);
            assertThat(secrets.get(count - 1).name()).isEqualTo("SECRET_" + (count - 1));
            figures.note(String.format("; a list of %,d secrets (%.1f MB) read in %d ms", count, body.length() / 1e6, millis));
        }
        figures.add("survived", 1);
    }

    @ParameterizedTest(name = "Content-Length declared: {0}")
    @ValueSource(booleans = {false, true})
    void aHundredMegabyteAnswerIsCutOffAtTheCapNotRead(boolean declared) {
        long hundredMb = 100L * 1024 * 1024;
        AtomicLong sent = new AtomicLong();
        byte[] item = ("{\"id\":1,\"name\":\"A\",\"value\":\"**********\"," + TIMES + "},").getBytes(StandardCharsets.US_ASCII);
        try (RawHttpServer endless = new RawHttpServer(0, (requestLine, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + (declared ? "Content-Length: " + hundredMb + "\r\n" : "Transfer-Encoding: chunked\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            stream(out, item, hundredMb, declared, sent);
        })) {
            RecordingScheduler scheduler = new RecordingScheduler();
            try (SecretsClient client = new ClientBuilder().baseUrl(endless.url()).token(TestClients.TOKEN)
                    .scheduler(scheduler).build()) {
                long start = System.nanoTime();
                assertThat(catchThrowable(() -> client.list(42))).isExactlyInstanceOf(SpiceInvalidDataException.class)
                        .hasMessageContaining("16777216-byte cap").hasCauseInstanceOf(ResponseTooLargeException.class);
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertThat(scheduler.delays).as("not retried: the same answer would come again").isEmpty();
                assertThat(endless.requests()).isEqualTo(1);
                assertThat(sent.get()).as("the server could not push the whole 100 MB").isLessThan(hundredMb / 2);
                figures.note(String.format("; a 100 MB answer (%s) refused after the server got %.1f MB out, in %d ms",
                        declared ? "declared" : "chunked", sent.get() / 1048576.0, millis));
            }
        }
        figures.add("survived", 1);
    }

    @Test
    void aSmallerConfiguredCapIsExactToTheByte() {
        int cap = 1024;
        String secret = "{\"id\":1,\"name\":\"A\",\"value\":\"**\"," + TIMES + "}";
        String exact = secret.substring(0, secret.length() - 1) + " ".repeat(cap - secret.length()) + "}";
        assertThat(exact).hasSize(cap);
        try (SecretsClient client = TestClients.builder(server, new RecordingScheduler()).maxResponseBytes(cap).build()) {
            server.stubFor(Op.GET.stub().willReturn(okJson(exact)));
            assertThat(client.get(42, "DB_URL").name()).isEqualTo("A");
            server.stubFor(Op.GET.stub().willReturn(okJson(exact + " ")));
            assertThat(catchThrowable(() -> client.get(42, "DB_URL"))).isExactlyInstanceOf(SpiceInvalidDataException.class)
                    .hasMessageContaining("1024-byte cap");
            server.stubFor(Op.GET.stub().willReturn(aResponse().withStatus(200).withBody(exact + " ")
                    .withChunkedDribbleDelay(4, 1)));
            assertThat(catchThrowable(() -> client.get(42, "DB_URL"))).as("chunked, no Content-Length")
                    .isExactlyInstanceOf(SpiceInvalidDataException.class);
        }
        figures.add("survived", 1);
    }

    static Stream<Arguments> redirects() {
        return Stream.of(301, 302, 303, 307, 308).flatMap(status -> Stream.of(Op.values()).map(op -> Arguments.of(status, op)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("redirects")
    void aRedirectToAnotherHostIsNotFollowedSoTheTokenStaysHome(int status, Op op) {
        elsewhere.stubFor(op.stub().willReturn(op.ok()));
        server.stubFor(op.stub().willReturn(aResponse().withStatus(status)
                .withHeader("Location", "http://localhost:" + elsewhere.getPort() + op.path)));
        try (SecretsClient client = TestClients.client(server)) {
            assertThat(catchThrowable(() -> op.run(client, Op.Mode.SYNC))).isInstanceOfSatisfying(
                    UnexpectedStatusCodeException.class, e -> assertThat(e.statusCode()).isEqualTo(status));
        }
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
        assertThat(server.getAllServeEvents()).singleElement().satisfies(event ->
                assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TestClients.TOKEN));
        figures.add("survived", 1);
    }

    static Stream<Arguments> errorPages() {
        String nginx = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
                + "<hr><center>nginx</center><!-- " + SERVER_TEXT + " --></body></html>";
        String huge = "<html><body>" + ("<p>" + SERVER_TEXT + "</p>\n").repeat(20 * 1024 * 1024 / 28) + "</body></html>";
        String control = "{\"error\":\"line one\\nline two\\r\\n\\u001b[31mred " + "x".repeat(5_000) + "\"}";
        return Stream.of(
                Arguments.of("nginx 502 page", 502, nginx, "Bad Gateway"),
                Arguments.of("HTML 503 of 20 MB, over the cap", 503, huge, "Service Unavailable"),
                Arguments.of("error text with control characters, 5,000 long", 500, control, "line one line two"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorPages")
    void anErrorPageGivesTheStatusExceptionWithAShortCleanMessage(String what, int status, String body, String message) {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/html")
                .withBody(body)));
        RecordingScheduler scheduler = new RecordingScheduler();
        try (SecretsClient client = TestClients.builder(server, scheduler).build()) {
            Throwable thrown = catchThrowable(() -> client.list(42));
            assertThat(thrown).isExactlyInstanceOf(InternalServerException.class).hasMessageContaining(message)
                    .hasMessageNotContaining(SERVER_TEXT).hasMessageNotContaining("<").hasMessageNotContaining("\n");
            assertThat(thrown.getMessage()).hasSizeLessThan(500);
            assertThat(scheduler.delays).as("retried as the status says").hasSize(2);
        }
        figures.add("survived", 1);
    }

    /** Writes {@code total} bytes of a never-ending list, as fixed-length or chunked, until the client hangs up. */
    private static void stream(OutputStream out, byte[] item, long total, boolean declared, AtomicLong sent) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = item[i % item.length];
        }
        String head = "{\"secrets\":[";
        out.write(declared ? head.getBytes(StandardCharsets.US_ASCII)
                : (Integer.toHexString(head.length()) + "\r\n" + head + "\r\n").getBytes(StandardCharsets.US_ASCII));
        while (sent.get() < total) {
            if (!declared) {
                out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(block);
            if (!declared) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            sent.addAndGet(block.length);
        }
    }
}
