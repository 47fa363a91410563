package ai.spice.secrets.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: journal, latency, faults, body limit, rate limit, then the handler of the route; writes the
 * response with a fresh {@code x-request-id}. A path with no handler (an unknown one, or a route switched off) is
 * 404 {@code Not found}. Logs one DEBUG line per request (method, path, status, time), never a header or a body,
 * so neither tokens nor values reach the log.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final RequestJournal journal;
    private final FaultSchedule faults;
    private final Optional<RateLimiter> rateLimiter;
    private final Duration latency;
    private final BodyReader bodies;
    private final Map<ApiPath.Kind, RouteHandler> routes;

    /** @param routes the handler of each served kind of path */
    Router(RequestJournal journal, FaultSchedule faults, Optional<RateLimiter> rateLimiter, Duration latency,
            BodyReader bodies, Map<ApiPath.Kind, RouteHandler> routes) {
        this.journal = journal;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.latency = latency;
        this.bodies = bodies;
        this.routes = Map.copyOf(routes);
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try {
            RequestJournal.Entry entry = journal.record(method, path, exchange.getRequestHeaders());
            pause(latency);
            Optional<FaultSpec> fault = faults.take(method, path);
            FaultSpec.Kind kind = fault.map(FaultSpec::kind).orElse(null);
            if (kind == FaultSpec.Kind.DELAY) {
                pause(fault.get().delay());
            }
            if (kind == FaultSpec.Kind.DROP) {
                log(method, path, "connection dropped", started);
                return;
            }
            ApiResponse response;
            if (kind == FaultSpec.Kind.STATUS) {
                // Read the body first: answering while a large body is still arriving could reset the connection.
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                response = fault.get().response();
            } else {
                response = respond(exchange, entry);
            }
            if (kind == FaultSpec.Kind.DROP_AFTER_APPLY) {
                log(method, path, response.status() + ", connection dropped", started);
                return;
            }
            if (kind == FaultSpec.Kind.TRUNCATE) {
                log(method, path, response.status() + ", body cut off", started);
                writeTruncated(exchange, response);
                return;
            }
            // Logged before writing, so that a client holding the response can already see the line.
            log(method, path, Integer.toString(response.status()), started);
            write(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("{} {}: client went away", method, path);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed in the emulator", method, path, e);
            writeQuietly(exchange, ApiResponse.error(500, "Internal server error"));
        } finally {
            // Without a response sent, close() shuts the socket: that is how a fault drops the connection.
            exchange.close();
        }
    }

    private static void log(String method, String path, String outcome, long started) {
        LOG.debug("{} {} -> {} ({} ms)", method, path, outcome, (System.nanoTime() - started) / 1_000_000);
    }

    private ApiResponse respond(HttpExchange exchange, RequestJournal.Entry entry) throws IOException {
        try {
            byte[] body = bodies.read(exchange.getRequestBody(),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Length")));
            ApiRequest request = new ApiRequest(entry.method(), entry.path(), entry.headers(), body);
            ApiPath route = ApiPath.parse(entry.path());
            RouteHandler handler = routes.get(route.kind());
            if (handler == null) {
                return ApiResponse.error(404, "Not found");
            }
            return rateLimited(route) ? limited(request, route, handler) : handler.handle(request, route);
        } catch (RejectedRequest rejected) {
            return rejected.response();
        }
    }

    /** The token endpoint (another host in production) and the health check are never limited. */
    private boolean rateLimited(ApiPath route) {
        return rateLimiter.isPresent() && route.kind() != ApiPath.Kind.OAUTH_TOKEN && route.kind() != ApiPath.Kind.HEALTH;
    }

    private ApiResponse limited(ApiRequest request, ApiPath route, RouteHandler handler) {
        RateLimiter.Decision decision = rateLimiter.orElseThrow().acquire(route.rateLimitKey());
        if (!decision.allowed()) {
            return decision.refusal();
        }
        Map<String, String> headers = decision.headers();
        try {
            return handler.handle(request, route).withHeaders(headers);
        } catch (RejectedRequest rejected) {
            return rejected.response().withHeaders(headers);
        }
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
        byte[] body = response.body();
        boolean bodyless = body.length == 0 || response.status() == 204 || response.status() == 304
                || "HEAD".equals(exchange.getRequestMethod());
        if (!response.contentType().isEmpty() && !bodyless) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        exchange.sendResponseHeaders(response.status(), bodyless ? -1 : body.length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Sends the headers with the full Content-Length but only half the body; closing the exchange then closes
     * the connection. A body-less response has nothing to cut, so nothing at all is sent.
     */
    private static void writeTruncated(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] body = response.body();
        if (body.length < 2) {
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
    }

    private static void writeQuietly(HttpExchange exchange, ApiResponse response) {
        try {
            write(exchange, response);
        } catch (IOException | RuntimeException ignored) {
            // headers may already be out; closing the exchange is all that is left to do
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    }
}
