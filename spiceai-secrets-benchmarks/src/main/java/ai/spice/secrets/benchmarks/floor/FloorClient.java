package ai.spice.secrets.benchmarks.floor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The floor: what a careful developer writes by hand in place of an SDK. Each call is one {@code HttpClient.send}
 * and one Jackson {@code readValue} into a record; no retry, no timeout, no error mapping, no listener, no response
 * cap. Secret names are sent as given (valid names need no escaping).
 */
public final class FloorClient {

    /** A secret as the API sends it. */
    public record Secret(long id, String name, String value,
                         @JsonProperty("created_at") Instant createdAt,
                         @JsonProperty("updated_at") Instant updatedAt) {
    }

    /** A list of secrets as the API sends it. */
    public record SecretList(List<Secret> secrets) {
    }

    private record SecretInput(String name, String value) {
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** How the floor hands a request to the JDK client. */
    public enum Sending {
        /** {@code HttpClient.send}: the exchange runs inline on the calling thread until it must wait for I/O. */
        SEND,
        /**
         * {@code HttpClient.sendAsync(...).get()}: not a floor a developer would write, but the way every
         * asynchronous client (the SDK included) must call the JDK; it isolates what that costs a synchronous caller.
         */
        SEND_ASYNC
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;
    private final Sending sending;

    public FloorClient(String baseUrl, String token) {
        this(baseUrl, token, Sending.SEND, null);
    }

    /** @param executor the JDK client's executor, or null for the JDK's default (the floor's own setting) */
    public FloorClient(String baseUrl, String token, Sending sending, Executor executor) {
        // HTTP/1.1 as the SDK uses it to a plain-http loopback server: no h2c upgrade attempt.
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        this.http = (executor == null ? builder : builder.executor(executor)).build();
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + token;
        this.sending = sending;
    }

    public Secret get(long appId, String name) {
        return send(request("/v1/apps/" + appId + "/secrets/" + name).build(), Secret.class);
    }

    public SecretList list(long appId) {
        return send(request("/v1/apps/" + appId + "/secrets").build(), SecretList.class);
    }

    public Secret upsert(long appId, String name, String value) {
        byte[] body;
        try {
            body = MAPPER.writeValueAsBytes(new SecretInput(name, value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request("/v1/apps/" + appId + "/secrets")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), Secret.class);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization);
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        try {
            HttpResponse<byte[]> response = sending == Sending.SEND
                    ? http.send(request, HttpResponse.BodyHandlers.ofByteArray())
                    : http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get();
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " -> " + response.statusCode());
            }
            return MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
