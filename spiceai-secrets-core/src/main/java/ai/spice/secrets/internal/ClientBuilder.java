package ai.spice.secrets.internal;

import ai.spice.secrets.ApiPaths;
import ai.spice.secrets.CredentialsProvider;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.internal.auth.Credential;
import ai.spice.secrets.internal.auth.TokenSource;
import ai.spice.secrets.internal.call.CallContext;
import ai.spice.secrets.internal.call.CallEvents;
import ai.spice.secrets.internal.call.OpenCalls;
import ai.spice.secrets.internal.call.Pacer;
import ai.spice.secrets.internal.call.Scheduler;
import ai.spice.secrets.internal.http.ExchangeExecutor;
import ai.spice.secrets.internal.http.JdkTransport;
import ai.spice.secrets.internal.http.RequestFactory;
import ai.spice.secrets.internal.http.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

/**
 * The {@link SecretsClient.Builder}. Public only because {@code SecretsClient.builder()} must reach it; the package
 * is not exported. The package-private setters are test seams.
 */
public final class ClientBuilder implements SecretsClient.Builder {

    private static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    /** The service's limit on a request body; past it, it answers 413. */
    private static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private URI baseUrl = Endpoints.DEFAULT_BASE_URL;
    private URI tokenUrl = Endpoints.DEFAULT_TOKEN_URL;
    private Credential credential;
    private String organization;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private HttpClient httpClient;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private ApiPaths apiPaths = ApiPaths.APPS;
    private Scheduler scheduler = Scheduler.system();
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private UnaryOperator<String> environment = System::getenv;
    private final List<SecretsListener> listeners = new ArrayList<>();

    /** Use {@link SecretsClient#builder()}. */
    public ClientBuilder() {
    }

    @Override
    public ClientBuilder baseUrl(String url) {
        this.baseUrl = Endpoints.parse(url, "baseUrl");
        return this;
    }

    @Override
    public ClientBuilder baseUrl(URI url) {
        this.baseUrl = Endpoints.check(url, "baseUrl");
        return this;
    }

    @Override
    public ClientBuilder token(String bearerToken) {
        this.credential = Credential.token(bearerToken);
        return this;
    }

    @Override
    public ClientBuilder clientCredentials(String clientId, String clientSecret) {
        this.credential = Credential.clientCredentials(clientId, clientSecret);
        return this;
    }

    @Override
    public ClientBuilder tokenUrl(String url) {
        this.tokenUrl = Endpoints.parse(url, "tokenUrl");
        return this;
    }

    @Override
    public ClientBuilder credentials(CredentialsProvider provider) {
        this.credential = Credential.provider(provider);
        return this;
    }

    @Override
    public ClientBuilder organization(String orgHandle) {
        Objects.requireNonNull(orgHandle, "orgHandle");
        if (orgHandle.isBlank() || !orgHandle.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("orgHandle must be printable ASCII without spaces, was \"" + orgHandle + "\"");
        }
        this.organization = orgHandle;
        return this;
    }

    @Override
    public ClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    @Override
    public ClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    @Override
    public ClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    @Override
    public ClientBuilder httpClient(HttpClient client) {
        this.httpClient = Objects.requireNonNull(client, "client");
        return this;
    }

    @Override
    public ClientBuilder maxResponseBytes(long maxBytes) {
        if (maxBytes <= 0 || maxBytes > LARGEST_ARRAY) {
            throw new IllegalArgumentException("maxResponseBytes must be between 1 and " + LARGEST_ARRAY + ", was " + maxBytes);
        }
        this.maxResponseBytes = maxBytes;
        return this;
    }

    @Override
    public ClientBuilder maxRequestBytes(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive, was " + maxBytes);
        }
        this.maxRequestBytes = maxBytes;
        return this;
    }

    @Override
    public ClientBuilder apiPaths(ApiPaths paths) {
        this.apiPaths = Objects.requireNonNull(paths, "paths");
        return this;
    }

    @Override
    public ClientBuilder listener(SecretsListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public ClientBuilder fromEnv() {
        EnvConfig.apply(this, environment);
        return this;
    }

    @Override
    public SecretsClient build() {
        if (credential == null) {
            throw new IllegalStateException("no credential: call token(...), clientCredentials(...) or credentials(...),"
                    + " or set SPICE_API_TOKEN (or SPICEAI_CLIENT_ID and SPICEAI_CLIENT_SECRET) and call fromEnv()");
        }
        if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalStateException("the HttpClient given to httpClient(...) follows redirects ("
                    + httpClient.followRedirects() + "): a redirect would carry the bearer token, or the OAuth client"
                    + " secret of a token request, to whatever host it names. Build it with"
                    + " HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER), the JDK's default;"
                    + " the SDK reports a redirect as UnexpectedStatusCodeException");
        }
        ExchangeExecutor executor = httpClient != null ? null : new ExchangeExecutor();
        HttpClient client = httpClient != null ? httpClient : HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        Transport transport = new JdkTransport(client, executor, maxResponseBytes);
        RequestFactory requests = new RequestFactory(baseUrl, requestTimeout, organization);
        TokenSource tokens = credential.tokenSource(transport, requests, tokenUrl, clock);
        CallContext context = new CallContext(transport, requests, tokens, retryPolicy, scheduler, clock, random,
                new CallEvents(List.copyOf(listeners)), new OpenCalls(), new Pacer(retryPolicy.paceOnRateLimit()));
        String api = baseUrl.toString().endsWith("/") ? baseUrl.toString().substring(0, baseUrl.toString().length() - 1)
                : baseUrl.toString();
        return new DefaultSecretsClient(context, describe(tokens.describe()), api, organization == null ? "" : organization,
                maxRequestBytes, apiPaths);
    }

    @Override
    public String toString() {
        return "SecretsClient.Builder[" + describe(credential == null ? "none" : credential.describe()) + "]";
    }

    private String describe(String auth) {
        return "baseUrl=" + baseUrl + ", auth=" + auth + (organization == null ? "" : ", organization=" + organization)
                + ", retryPolicy=" + retryPolicy + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", maxResponseBytes=" + maxResponseBytes
                + ", maxRequestBytes=" + maxRequestBytes + (apiPaths == ApiPaths.APPS ? "" : ", apiPaths=" + apiPaths)
                + (listeners.isEmpty() ? "" : ", listeners=" + listeners.size());
    }

    ClientBuilder scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    ClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    ClientBuilder random(DoubleSupplier random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    ClientBuilder environment(UnaryOperator<String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
