package ai.spice.secrets.testkit;

import ai.spice.secrets.testkit.internal.EmulatorRuntime;
import ai.spice.secrets.testkit.internal.OrgDirectory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An in-process fake of the Spice.ai secrets API: a real HTTP server on {@code 127.0.0.1} serving
 * {@code /v1/apps/{appId}/secrets[/{name}]} and its {@code /v1/projects} alias with bearer-token scopes, the wire
 * format and the error bodies of the service; around them the routes Spice's own tools call ({@code /v1/health},
 * read-only {@code /v1/apps} and {@code /v1/projects}, {@code /v1/orgs}), organizations chosen with
 * {@code X-Org-Name}, the 1 MiB body limit, a per-project rate limit, and the OAuth 2.0 client-credentials token
 * endpoint. Values are kept encrypted (AES-256-GCM) in memory and never logged. Thread-safe; starts and closes in
 * milliseconds, so use one per test class or per test.
 *
 * <p>Every app, token and OAuth client made without naming an {@link Organization} belongs to the
 * {@linkplain #defaultOrganization() default one}.
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
    private final Organization defaultOrganization;

    private SecretsEmulator(EmulatorRuntime runtime) {
        this.runtime = runtime;
        this.faults = new FaultPlan(runtime.faults());
        this.defaultOrganization = new Organization(runtime, runtime.defaultOrg());
    }

    /**
     * Starts an emulator with the defaults of {@link Builder}: a free port on 127.0.0.1, no latency, OAuth tokens
     * that live one hour, no rate limit, the system clock, one organization {@code emulator}, the 1 MiB body limit.
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
     * Creates an app (a "project" in newer docs) to hold secrets, in the {@linkplain #defaultOrganization() default
     * organization}; {@link Organization#createApp} creates one in another.
     *
     * @param name a display name
     * @return the app id, positive; ids are unique across the apps and secrets of this emulator
     * @throws NullPointerException if {@code name} is null
     */
    public long createApp(String name) {
        return defaultOrganization.createApp(name);
    }

    /**
     * Creates an organization. Its handle is matched case-insensitively, in {@code X-Org-Name} as everywhere.
     *
     * @param handle letters, digits, {@code .}, {@code -} and {@code _}
     * @return the organization
     * @throws IllegalArgumentException if the handle is not valid or is taken (in any case)
     * @throws NullPointerException     if {@code handle} is null
     */
    public Organization createOrganization(String handle) {
        return new Organization(runtime, runtime.orgs().create(handle));
    }

    /**
     * The organization that exists from the start (handle from {@link Builder#defaultOrganization}, default
     * {@code emulator}): the one of {@link #createApp}, {@link #issueToken} and {@link #registerClient}.
     *
     * @return the default organization
     */
    public Organization defaultOrganization() {
        return defaultOrganization;
    }

    /**
     * Finds an organization by handle.
     *
     * @param handle a handle, in any case
     * @return the organization, or empty when there is none
     * @throws NullPointerException if {@code handle} is null
     */
    public Optional<Organization> organization(String handle) {
        return runtime.orgs().find(Objects.requireNonNull(handle, "handle")).map(org -> new Organization(runtime, org));
    }

    /**
     * Issues a bearer token (like a personal access token) that never expires, of an owner of the
     * {@linkplain #defaultOrganization() default organization} who belongs to no other. {@code *} grants everything,
     * {@code secrets:write} implies {@code secrets:read}; {@code apps:read} is needed for {@code /v1/apps},
     * {@code /v1/projects} and {@code /v1/orgs}; no scope at all gets 403 on every operation.
     *
     * @param scopes e.g. {@code "secrets:read"}, {@code "secrets:write"}, {@code "apps:read"}, {@code "*"}
     * @return the token
     * @throws NullPointerException if a scope is null
     */
    public String issueToken(String... scopes) {
        return defaultOrganization.issueToken(scopes);
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
        return defaultOrganization.token(Optional.of(Builder.positive(lifetime, "lifetime")), OrgRole.OWNER, scopes);
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
     * Registers an OAuth client of the {@linkplain #defaultOrganization() default organization} whose access tokens
     * (from {@link #tokenUrl()}) carry these scopes and live as long as {@link Builder#tokenLifetime} says.
     *
     * @param scopes the scopes of its tokens
     * @return its credentials
     * @throws NullPointerException if a scope is null
     */
    public ClientCredentials registerClient(String... scopes) {
        return defaultOrganization.registerClient(scopes);
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
        validName(name);
        Objects.requireNonNull(value, "value");
        return runtime.store().put(appId, name, value);
    }

    /**
     * The plaintext of an app's own secret, decrypted: what the service stored ({@link #runtimeValue} also sees the
     * organization secrets linked to the app).
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
     * The value the Spice runtime of an app would get for a name: the app's own secret, else an organization
     * secret linked to the app ({@link Organization#linkSecret}; a project secret of the same name wins).
     *
     * @param appId an app id
     * @param name  a secret name
     * @return the value, or empty when neither exists (the platform secret has no value here)
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<String> runtimeValue(long appId, String name) {
        Optional<String> own = storedValue(appId, name);
        if (own.isPresent()) {
            return own;
        }
        return runtime.store().app(appId)
                .filter(app -> runtime.orgSecrets().linkedNames(app).contains(name))
                .flatMap(app -> runtime.orgSecrets().reveal(app.org(), name));
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

    /** @throws IllegalArgumentException if {@code name} does not match {@code ^[a-zA-Z_][a-zA-Z0-9_]*$} */
    static String validName(String name) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("invalid secret name: '" + name + "'");
        }
        return name;
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
        private String defaultOrganization = "emulator";
        private int requestBodyLimit = EmulatorRuntime.Settings.DEFAULT_BODY_LIMIT;
        private boolean rejectUnknownBodyKeys;
        private boolean orgSecrets;
        private int expiredTokenStatus = 401;
        private boolean appOrgField = true;

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
         * Limits {@code /v1} requests to {@code requests} per window and project, as Spice limits them per project:
         * each project's window starts at its first request after its previous window ended, and the routes without
         * a project ({@code /v1/apps}, {@code /v1/projects}, {@code /v1/orgs} and {@code /v1/orgs/{id}/secrets})
         * share one more window; {@code /v1/health} is never limited. Beyond it: 429 with {@code Retry-After}
         * (seconds) and {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (epoch
         * seconds); the {@code X-RateLimit-*} headers come on every other limited response too. Default no limit.
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
         * The handle of the organization that exists from the start, which holds every app, token and OAuth client
         * made without naming another. Default {@code emulator}.
         *
         * @param handle letters, digits, {@code .}, {@code -} and {@code _}
         * @return this builder
         * @throws IllegalArgumentException if not a valid handle
         * @throws NullPointerException     if null
         */
        public Builder defaultOrganization(String handle) {
            this.defaultOrganization = OrgDirectory.requireValid(handle);
            return this;
        }

        /**
         * The largest request body accepted, in bytes, on every route. A larger one is answered 413
         * {@code Request body exceeds the 1 MiB limit} (the size in the text follows this setting). Default
         * 1,048,576 bytes: Spice's documented 1 MiB.
         *
         * @param bytes 1 to 67,108,864 (64 MiB)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder requestBodyLimit(int bytes) {
            int max = EmulatorRuntime.Settings.MAX_BODY_LIMIT;
            if (bytes < 1 || bytes > max) {
                throw new IllegalArgumentException("requestBodyLimit must be 1 to " + max + " bytes: " + bytes);
            }
            this.requestBodyLimit = bytes;
            return this;
        }

        /**
         * Whether an upsert body with a key other than {@code name} and {@code value} is answered 400 with
         * {@code formErrors: ["Unrecognized key(s) in object: 'x'"]}. Default false: the key is ignored, as Spice's
         * published OpenAPI does not forbid unknown keys and no source shows the service rejecting them.
         *
         * @param reject true to reject unknown keys
         * @return this builder
         */
        public Builder rejectUnknownBodyKeys(boolean reject) {
            this.rejectUnknownBodyKeys = reject;
            return this;
        }

        /**
         * Whether to serve organization secrets linked to projects: {@code GET /v1/orgs/{orgId}/secrets},
         * {@code GET /v1/projects/{projectId}/org-secrets} and {@code PUT /v1/projects/{projectId}/org-secrets/{name}}
         * (201 when linked, 200 when it already was). These follow Spice's own tooling (the launch skill's script and
         * the management MCP), not its published API, which does not have them. Default false: the routes are 404.
         *
         * @param enabled true to serve them
         * @return this builder
         */
        public Builder orgSecrets(boolean enabled) {
            this.orgSecrets = enabled;
            return this;
        }

        /**
         * The answer to a request with an expired token: 401 {@code Token expired} (Spice's API reference), or 410
         * {@code The token or resource has expired} (the status Spice's API overview lists for that case). Default 401.
         *
         * @param status 401 or 410
         * @return this builder
         * @throws IllegalArgumentException for any other status
         */
        public Builder expiredTokenStatus(int status) {
            if (status != 401 && status != 410) {
                throw new IllegalArgumentException("expiredTokenStatus must be 401 or 410: " + status);
            }
            this.expiredTokenStatus = status;
            return this;
        }

        /**
         * Whether app (project) objects carry {@code org}, their organization's handle. Spice's CLI reads it to match
         * {@code org/app}; no Spice document shows it. Default true.
         *
         * @param include false to leave it out
         * @return this builder
         */
        public Builder appOrgField(boolean include) {
            this.appOrgField = include;
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
                    port, latency, tokenLifetime, rateLimitRequests, rateLimitWindow, clock, defaultOrganization,
                    requestBodyLimit, rejectUnknownBodyKeys, orgSecrets, expiredTokenStatus, appOrgField)));
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
