package ai.spice.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link SecretsClient} stand-in's implementation, as the SDK's lives in an internal class. */
final class StandInClient implements SecretsClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI baseUrl;
    private final String token;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StandInClient(URI baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public int list(long appId) {
        return send(request(appId).GET());
    }

    @Override
    public int upsert(long appId, String name, String value) {
        String body = "{\"name\":\"" + name + "\",\"value\":\"" + value + "\"}";
        return send(request(appId).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        closed.set(true);
    }

    private HttpRequest.Builder request(long appId) {
        if (closed.get()) {
            throw new IllegalStateException("closed");
        }
        return HttpRequest.newBuilder(URI.create(baseUrl + "/v1/apps/" + appId + "/secrets"))
                .header("Authorization", "Bearer " + token);
    }

    private static int send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class Builder implements SecretsClient.Builder {

        private URI baseUrl;
        private String token;

        @Override
        public Builder baseUrl(URI url) {
            this.baseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        @Override
        public Builder token(String bearerToken) {
            this.token = Objects.requireNonNull(bearerToken, "bearerToken");
            return this;
        }

        @Override
        public SecretsClient build() {
            return new StandInClient(Objects.requireNonNull(baseUrl, "baseUrl"), Objects.requireNonNull(token, "token"));
        }
    }
}
