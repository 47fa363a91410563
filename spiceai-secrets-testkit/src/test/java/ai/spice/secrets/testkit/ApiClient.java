package ai.spice.secrets.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for tests: talks to an emulator with the JDK HttpClient, as a real SDK would. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI baseUrl;
    private final Optional<String> authorization;

    private ApiClient(URI baseUrl, Optional<String> authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    static ApiClient of(SecretsEmulator emulator, String token) {
        return new ApiClient(emulator.baseUrl(), Optional.of("Bearer " + token));
    }

    static ApiClient anonymous(SecretsEmulator emulator) {
        return new ApiClient(emulator.baseUrl(), Optional.empty());
    }

    ApiClient withAuthorization(String header) {
        return new ApiClient(baseUrl, Optional.of(header));
    }

    static HttpClient http() {
        return HTTP;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    HttpResponse<String> post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> upsert(long appId, String name, String value) {
        return post("/v1/apps/" + appId + "/secrets", json(Map.of("name", name, "value", value)));
    }

    HttpResponse<String> method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
