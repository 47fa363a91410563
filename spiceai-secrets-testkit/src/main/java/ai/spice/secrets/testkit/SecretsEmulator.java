package ai.spice.secrets.testkit;

import ai.spice.secrets.testkit.internal.ClientRegistry;
import ai.spice.secrets.testkit.internal.EmulatorRuntime;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An in-process fake of the Spice.ai secrets API: a real HTTP server on {@code 127.0.0.1} serving
 * {@code /v1/apps/{appId}/secrets[/{name}]} (and the {@code /v1/projects} alias) with bearer-token scopes,
 * the wire format and the error bodies of the service, plus the OAuth 2.0 client-credentials token endpoint.
 * Values are kept encrypted (AES-256-GCM) in memory and never logged. The optional {@code X-Org-Name} header is
 * accepted and ignored (see {@link #requests()} to assert on it). Thread-safe; starts and closes in milliseconds,
 * so use one per test class or per test.
 *
 * <pre>{@code
 * try (SecretsEmulator emulator = SecretsEmulator.start()) {
 *     long appId = emulator.createApp("demo");
 *     String token = emulator.issueToken("secrets:read", "secrets:write");
 *     // ... call emulator.baseUrl() + "/v1/apps/" + appId + "/secrets" with "Authorization: Bearer " + token
 *     assertThat(emulator.storedValue(appId, "DATABASE_URL")).contains("postgres://...");
 * }
 * }</pre>
 */
public final class SecretsEmulator implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final EmulatorRuntime runtime;
    private final FaultPlan faults;

    private SecretsEmulator(EmulatorRuntime runtime) {
        this.runtime = runtime;
        this.faults = new FaultPlan(runtime.faults());
    }

    /**
     * Starts an emulator with the defaults: a free port on 127.0.0.1, no latency, OAuth tokens that live one
     * hour, no rate limit, the system clock.
     *
     * @return the running emulator
     * @throws java.io.UncheckedIOException if the server cannot be started
     */
    public static SecretsEmulator start() {
        return builder().build();
    }

    /**
     * A builder for an emulator with other settings; {@link Builder#build()} starts it.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URL to give a client as its API endpoint.
     *
     * @return e.g. {@code http://127.0.0.1:54321}, without a trailing slash
     */
    public URI baseUrl() {
        return runtime.baseUrl();
    }

    /**
     * The OAuth 2.0 token endpoint.
     *
     * @return {@link #baseUrl()} followed by {@code /api/oauth/token}
     */
    public URI tokenUrl() {
        return URI.create(baseUrl() + "/api/oauth/token");
    }

    /**
     * The port the emulator listens on.
     *
     * @return the port
     */
    public int port() {
        return baseUrl().getPort();
    }

    /**
     * Creates an app (a "project" in newer docs) to hold secrets.
     *
     * @param name a display name
     * @return the app id, positive; ids are unique across the apps and secrets of this emulator
     * @throws NullPointerException if {@code name} is null
     */
    public long createApp(String name) {
        return runtime.store().createApp(Objects.requireNonNull(name, "name"));
    }

    /**
     * Issues a bearer token (like a personal access token) that never expires. {@code *} grants everything,
     * {@code secrets:write} implies {@code secrets:read}; no scope at all gets 403 on every operation.
     *
     * @param scopes e.g. {@code "secrets:read"}, {@code "secrets:write"}, {@code "*"}
     * @return the token
     * @throws NullPointerException if a scope is null
     */
    public String issueToken(String... scopes) {
        return runtime.tokens().issue(scopes(scopes), Optional.empty());
    }

    /**
     * Issues a bearer token that expires after {@code lifetime} on the emulator's clock, after which requests
     * with it get 401 {@code Token expired}.
     *
     * @param lifetime how long it works, positive
     * @param scopes   its scopes
     * @return the token
     * @throws IllegalArgumentException if {@code lifetime} is not positive
     * @throws NullPointerException     if an argument is null
     */
    public String issueToken(Duration lifetime, String... scopes) {
        return runtime.tokens().issue(scopes(scopes), Optional.of(Builder.positive(lifetime, "lifetime")));
    }

    /**
     * Revokes a token; requests with it then get 401 {@code Invalid token}.
     *
     * @param token a token from {@link #issueToken} or the OAuth endpoint
     * @return whether the token was known
     * @throws NullPointerException if {@code token} is null
     */
    public boolean revokeToken(String token) {
        return runtime.tokens().revoke(Objects.requireNonNull(token, "token"));
    }

    /**
     * Registers an OAuth client whose access tokens (from {@link #tokenUrl()}) carry these scopes and live as
     * long as {@link Builder#tokenLifetime} says.
     *
     * @param scopes the scopes of its tokens
     * @return its credentials
     * @throws NullPointerException if a scope is null
     */
    public ClientCredentials registerClient(String... scopes) {
        ClientRegistry.Client client = runtime.clients().register(scopes(scopes));
        return new ClientCredentials(client.id(), client.secret());
    }

    /**
     * Stores a secret directly, as an upsert over the API would (same id, timestamps and encryption): for
     * setting up a test without HTTP. Not counted as a request.
     *
     * @param appId an app from {@link #createApp}
     * @param name  a valid secret name ({@code ^[a-zA-Z_][a-zA-Z0-9_]*$})
     * @param value the plaintext value
     * @return the secret's id
     * @throws IllegalArgumentException if the app does not exist or the name is invalid
     * @throws NullPointerException     if {@code name} or {@code value} is null
     */
    public long storeSecret(long appId, String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid secret name: '" + name + "'");
        }
        return runtime.store().put(appId, name, value);
    }

    /**
     * The plaintext of a stored secret, decrypted: what the service would hand the Spice runtime.
     *
     * @param appId an app id
     * @param name  a secret name
     * @return the value, or empty if there is no such app or secret
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<String> storedValue(long appId, String name) {
        return runtime.store().reveal(appId, Objects.requireNonNull(name, "name"));
    }

    /**
     * The names of an app's secrets.
     *
     * @param appId an app id
     * @return the names in ascending order; empty for an unknown app
     */
    public List<String> secretNames(long appId) {
        return runtime.store().names(appId);
    }

    /**
     * The fault plan: schedule failures for the next matching requests, or at random.
     *
     * @return this emulator's fault plan
     */
    public FaultPlan faults() {
        return faults;
    }

    /**
     * The number of requests received so far, of every kind (faulted, rejected and OAuth ones included).
     *
     * @return the count since start or the last {@link #clearRequests()}
     */
    public int requestCount() {
        return runtime.journal().entries().size();
    }

    /**
     * The number of requests with this method whose raw path starts with {@code pathPrefix}.
     *
     * @param method     e.g. {@code "POST"} (any case), or {@code "*"} for any
     * @param pathPrefix e.g. {@code "/v1/apps/1/secrets"}
     * @return the count since start or the last {@link #clearRequests()}
     * @throws NullPointerException if an argument is null
     */
    public int requestCount(String method, String pathPrefix) {
        String wanted = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        return (int) runtime.journal().entries().stream()
                .filter(entry -> "*".equals(wanted) || wanted.equals(entry.method()))
                .filter(entry -> entry.path().startsWith(pathPrefix))
                .count();
    }

    /**
     * The requests received so far, in arrival order, without bodies.
     *
     * @return a snapshot
     */
    public List<RecordedRequest> requests() {
        return runtime.journal().entries().stream()
                .map(entry -> new RecordedRequest(entry.method(), entry.path(), entry.headers()))
                .toList();
    }

    /** Forgets the requests received so far; {@link #requestCount()} starts again from 0. */
    public void clearRequests() {
        runtime.journal().clear();
    }

    /** Stops the server and frees the port at once; requests in flight are cut off. Idempotent. */
    @Override
    public void close() {
        runtime.close();
    }

    /**
     * Shows the base URL.
     *
     * @return e.g. {@code SecretsEmulator[http://127.0.0.1:54321]}
     */
    @Override
    public String toString() {
        return "SecretsEmulator[" + baseUrl() + "]";
    }

    private static Set<String> scopes(String... scopes) {
        Objects.requireNonNull(scopes, "scopes");
        Arrays.stream(scopes).forEach(scope -> Objects.requireNonNull(scope, "scope"));
        return Set.copyOf(Arrays.asList(scopes));
    }

    /**
     * Settings for an emulator; {@link #build()} starts one. Not thread-safe; reusable: each {@code build()}
     * starts a new emulator with the settings of that moment.
     */
    public static final class Builder {

        private int port;
        private Duration latency = Duration.ZERO;
        private Duration tokenLifetime = Duration.ofHours(1);
        private int rateLimitRequests;
        private Duration rateLimitWindow = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The port to listen on, on 127.0.0.1. Default 0: a free port.
         *
         * @param port 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * A delay added to every request before it is served; requests are still served in parallel.
         * Default none.
         *
         * @param latency not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws NullPointerException     if null
         */
        public Builder latency(Duration latency) {
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative: " + latency);
            }
            this.latency = latency;
            return this;
        }

        /**
         * The lifetime of access tokens from the OAuth endpoint, sent as {@code expires_in} (whole seconds).
         * Default one hour.
         *
         * @param lifetime at least one second
         * @return this builder
         * @throws IllegalArgumentException if shorter than one second
         * @throws NullPointerException     if null
         */
        public Builder tokenLifetime(Duration lifetime) {
            if (positive(lifetime, "lifetime").toSeconds() < 1) {
                throw new IllegalArgumentException("lifetime must be at least one second: " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * Limits {@code /v1} requests to {@code requests} per window; the window starts at the first request
         * after the previous window ended. Beyond it: 429 with {@code Retry-After} (seconds) and
         * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (epoch seconds);
         * the {@code X-RateLimit-*} headers come on every other {@code /v1} response too. Default no limit.
         *
         * @param requests at least 1
         * @param window   positive
         * @return this builder
         * @throws IllegalArgumentException if either is out of range
         * @throws NullPointerException     if {@code window} is null
         */
        public Builder rateLimit(int requests, Duration window) {
            if (requests < 1) {
                throw new IllegalArgumentException("requests must be at least 1: " + requests);
            }
            this.rateLimitWindow = positive(window, "window");
            this.rateLimitRequests = requests;
            return this;
        }

        /**
         * The clock for {@code created_at}/{@code updated_at}, token expiry and rate-limit windows; a test
         * can pass one it advances. Default the system clock (UTC).
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Starts an emulator with these settings.
         *
         * @return the running emulator
         * @throws java.io.UncheckedIOException if the port cannot be bound (e.g. it is taken)
         */
        public SecretsEmulator build() {
            return new SecretsEmulator(EmulatorRuntime.start(new EmulatorRuntime.Settings(
                    port, latency, tokenLifetime, rateLimitRequests, rateLimitWindow, clock)));
        }

        static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
