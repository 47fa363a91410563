package ai.spice.secrets.testkit.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running emulator's parts: the HTTP server on the loopback interface and the state behind it. */
public final class EmulatorRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorRuntime.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final SecretStore store;
    private final OrgSecretStore orgSecrets;
    private final OrgDirectory orgs = new OrgDirectory();
    private final OrgDirectory.Org defaultOrg;
    private final TokenRegistry tokens;
    private final ClientRegistry clients = new ClientRegistry();
    private final FaultSchedule faults = new FaultSchedule();
    private final RequestJournal journal = new RequestJournal();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * What to start.
     *
     * @param port               the port, 0 for a free one
     * @param latency            added to every request
     * @param tokenLifetime      the lifetime of tokens from the OAuth endpoint
     * @param rateLimitRequests  requests allowed per window and project on {@code /v1}, 0 for no limit
     * @param rateLimitWindow    the rate-limit window
     * @param clock              the clock for timestamps, expiry and rate-limit windows
     * @param defaultOrg         the handle of the organization that exists from the start
     * @param bodyLimit          the largest request body accepted, in bytes
     * @param rejectUnknownKeys  whether an upsert body with a key other than {@code name} and {@code value} is a 400
     * @param orgSecrets         whether the organization-secret routes are served
     * @param expiredTokenStatus 401 or 410, for a request with an expired token
     * @param appOrgField        whether app objects carry {@code org}
     */
    public record Settings(int port, Duration latency, Duration tokenLifetime, int rateLimitRequests,
            Duration rateLimitWindow, Clock clock, String defaultOrg, int bodyLimit, boolean rejectUnknownKeys,
            boolean orgSecrets, int expiredTokenStatus, boolean appOrgField) {

        /** Spice's documented body limit, 1 MiB, counted in raw body bytes. */
        public static final int DEFAULT_BODY_LIMIT = 1024 * 1024;
        /** The highest body limit a test may set: 64 MiB, low enough that a runaway test cannot exhaust the heap. */
        public static final int MAX_BODY_LIMIT = 64 * 1024 * 1024;

        /** Checks the components. */
        public Settings {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(tokenLifetime, "tokenLifetime");
            Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(defaultOrg, "defaultOrg");
        }
    }

    private EmulatorRuntime(Settings settings) throws IOException {
        store = new SecretStore(settings.clock());
        orgSecrets = new OrgSecretStore(settings.clock());
        defaultOrg = orgs.create(settings.defaultOrg());
        tokens = new TokenRegistry(settings.clock());
        Optional<RateLimiter> limiter = settings.rateLimitRequests() > 0
                ? Optional.of(new RateLimiter(settings.rateLimitRequests(), settings.rateLimitWindow(), settings.clock()))
                : Optional.empty();
        Router router = new Router(journal, faults, limiter, settings.latency(), new BodyReader(settings.bodyLimit()),
                routes(settings));
        // Without TCP_NODELAY the JDK server holds small responses back for ~40 ms (Nagle + delayed ACK).
        // The server reads the property once, when its first instance is created in this JVM.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        server = HttpServer.create(new InetSocketAddress(loopback, settings.port()), 256);
        executor = Executors.newCachedThreadPool(daemonThreads("secrets-emulator-" + INSTANCES.incrementAndGet()));
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
        baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        LOG.debug("secrets emulator listening on {}", baseUrl);
    }

    private Map<ApiPath.Kind, RouteHandler> routes(Settings settings) {
        BearerAuth auth = new BearerAuth(tokens, new OrgAssertion(orgs), settings.expiredTokenStatus());
        ProjectLookup projects = new ProjectLookup(store);
        OAuthHandler oauth = new OAuthHandler(clients, tokens, settings.tokenLifetime());
        SecretsHandler secrets = new SecretsHandler(store, auth, projects,
                new SecretInputParser(settings.rejectUnknownKeys()));
        AppsHandler apps = new AppsHandler(store, orgs, auth, projects, settings.appOrgField());
        Map<ApiPath.Kind, RouteHandler> routes = new EnumMap<>(ApiPath.Kind.class);
        routes.put(ApiPath.Kind.OAUTH_TOKEN, (request, path) -> oauth.handle(request));
        routes.put(ApiPath.Kind.HEALTH, new HealthHandler(settings.clock()));
        routes.put(ApiPath.Kind.APPS, apps);
        routes.put(ApiPath.Kind.APP, apps);
        routes.put(ApiPath.Kind.SECRETS, secrets);
        routes.put(ApiPath.Kind.SECRET, secrets);
        routes.put(ApiPath.Kind.ORGS, new OrgsHandler(orgs, auth));
        if (settings.orgSecrets()) {
            OrgSecretsHandler linked = new OrgSecretsHandler(orgSecrets, auth, projects);
            routes.put(ApiPath.Kind.ORG_SECRETS, linked);
            routes.put(ApiPath.Kind.LINKED_ORG_SECRETS, linked);
            routes.put(ApiPath.Kind.LINKED_ORG_SECRET, linked);
        }
        return routes;
    }

    /**
     * Starts an emulator.
     *
     * @param settings what to start
     * @return the running emulator
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static EmulatorRuntime start(Settings settings) {
        try {
            return new EmulatorRuntime(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the secrets emulator on port " + settings.port(), e);
        }
    }

    /** @return {@code http://127.0.0.1:PORT}, no trailing slash */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return the apps and secrets */
    public SecretStore store() {
        return store;
    }

    /** @return the organization secrets and their links */
    public OrgSecretStore orgSecrets() {
        return orgSecrets;
    }

    /** @return the organizations */
    public OrgDirectory orgs() {
        return orgs;
    }

    /** @return the organization that exists from the start */
    public OrgDirectory.Org defaultOrg() {
        return defaultOrg;
    }

    /** @return the bearer tokens */
    public TokenRegistry tokens() {
        return tokens;
    }

    /** @return the OAuth clients */
    public ClientRegistry clients() {
        return clients;
    }

    /** @return the scheduled faults */
    public FaultSchedule faults() {
        return faults;
    }

    /** @return the received requests */
    public RequestJournal journal() {
        return journal;
    }

    /** Stops the server at once and frees the port; requests in flight are cut off. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            LOG.debug("secrets emulator on {} stopped", baseUrl);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
