package ai.spice.secrets.internal.auth;

import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.internal.http.ErrorMapper;
import ai.spice.secrets.internal.http.RawResponse;
import ai.spice.secrets.internal.http.RequestFactory;
import ai.spice.secrets.internal.http.ServerHint;
import ai.spice.secrets.internal.http.Transport;
import ai.spice.secrets.internal.http.TransportFailure;
import ai.spice.secrets.internal.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * OAuth 2.0 client credentials: posts {@code {"grant_type":"client_credentials","client_id","client_secret"}} as JSON
 * to the token URL, caches the access token, and fetches a new one 60 s before it expires. Concurrent callers share
 * one fetch. Guarded by a {@link ReentrantLock}, not {@code synchronized}, so virtual threads never pin on it.
 */
public final class ClientCredentialsTokenSource implements TokenSource {

    private static final Duration REFRESH_EARLY = Duration.ofSeconds(60);
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;

    private final Transport transport;
    private final RequestFactory requests;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private AccessToken cached;
    private CompletableFuture<AccessToken> pending;

    ClientCredentialsTokenSource(Transport transport, RequestFactory requests, URI tokenUrl, String clientId,
                                 String clientSecret, Clock clock) {
        this.transport = transport;
        this.requests = requests;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<String> token() {
        lock.lock();
        try {
            if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
                return CompletableFuture.completedFuture(cached.value());
            }
            CompletableFuture<AccessToken> fetch = pending;
            if (fetch == null) {
                fetch = fetch();
                pending = fetch;
                CompletableFuture<AccessToken> current = fetch;
                fetch.whenComplete((token, error) -> settle(current, token));
            }
            return fetch.thenApply(AccessToken::value);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    @Override
    public void invalidate(String rejected) {
        lock.lock();
        try {
            if (cached != null && cached.value().equals(rejected)) {
                cached = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe() {
        return "clientCredentials(clientId=" + clientId + ", tokenUrl=" + tokenUrl + ")";
    }

    private void settle(CompletableFuture<AccessToken> fetch, AccessToken token) {
        lock.lock();
        try {
            if (pending == fetch) {
                pending = null;
            }
            if (token != null) {
                cached = token;
            }
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<AccessToken> fetch() {
        Instant requestedAt = clock.instant();
        HttpRequest request = requests.tokenRequest(tokenUrl, requestBody());
        String what = "POST " + tokenUrl.getPath() + " (OAuth token endpoint)";
        return transport.send(request)
                .handle((response, error) -> {
                    if (error != null) {
                        throw TransportFailure.toSpiceException(error, what);
                    }
                    if (!response.isSuccess()) {
                        throw ErrorMapper.map(response, "POST", tokenUrl.getPath(), null,
                                ServerHint.from(response.headers(), clock.instant()));
                    }
                    return parse(response, requestedAt, what);
                });
    }

    private byte[] requestBody() {
        return Json.object("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret);
    }

    /** Reads the token answer by hand, so that no parser message can ever quote the token. */
    private static AccessToken parse(RawResponse response, Instant requestedAt, String what) {
        JsonNode body = Json.treeOrNull(response.body());
        JsonNode token = body == null ? null : body.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new SpiceInvalidDataException("unreadable response to " + what + ": no access_token", null);
        }
        JsonNode expiresIn = body.get("expires_in");
        long lifetime = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? expiresIn.asLong() : DEFAULT_LIFETIME_SECONDS;
        Duration life = Duration.ofSeconds(lifetime);
        Duration early = life.compareTo(REFRESH_EARLY.multipliedBy(2)) > 0 ? REFRESH_EARLY : life.dividedBy(2);
        return new AccessToken(token.asText(), requestedAt.plus(life).minus(early));
    }

    /** A cached access token; a final class, not a record, so that no generated toString prints it. */
    private static final class AccessToken {
        private final String value;
        private final Instant refreshAt;

        AccessToken(String value, Instant refreshAt) {
            this.value = value;
            this.refreshAt = refreshAt;
        }

        String value() {
            return value;
        }

        Instant refreshAt() {
            return refreshAt;
        }

        @Override
        public String toString() {
            return "AccessToken[refreshAt=" + refreshAt + "]";
        }
    }
}
