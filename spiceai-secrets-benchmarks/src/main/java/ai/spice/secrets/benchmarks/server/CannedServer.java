package ai.spice.secrets.benchmarks.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A JDK {@code HttpServer} on 127.0.0.1 that answers each known {@code METHOD path} with a fixed body and anything
 * else with 404. Handlers run on the server's dispatcher thread: no executor hand-off, no work per request beyond
 * draining the request body and writing the recorded bytes.
 */
final class CannedServer implements AutoCloseable {

    private static final byte[] NOT_FOUND = "{\"error\":\"Not found\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final HttpServer server;

    /** @param responses the body for each {@code "GET /v1/apps/1/secrets"}-style key */
    CannedServer(Map<String, byte[]> responses, String requestId) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> copy = Map.copyOf(responses);
        server.createContext("/", exchange -> answer(exchange, copy, requestId));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, Map<String, byte[]> responses, String requestId) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            byte[] body = responses.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-request-id", requestId);
            exchange.sendResponseHeaders(body == null ? 404 : 200, (body == null ? NOT_FOUND : body).length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body == null ? NOT_FOUND : body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
