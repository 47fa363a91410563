package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.internal.call.Futures;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Every public operation, as a table row: its wire method and path, a good answer, and how to call it. */
enum Op {
    LIST("GET", "/v1/apps/42/secrets", 200, Op.LIST_BODY, List.of(Good.SECRET), c -> c.list(42), a -> a.list(42)),
    GET("GET", "/v1/apps/42/secrets/DB_URL", 200, Op.SECRET_BODY, Good.SECRET,
            c -> c.get(42, "DB_URL"), a -> a.get(42, "DB_URL")),
    FIND("GET", "/v1/apps/42/secrets/DB_URL", 200, Op.SECRET_BODY, Optional.of(Good.SECRET),
            c -> c.find(42, "DB_URL"), a -> a.find(42, "DB_URL")),
    UPSERT("POST", "/v1/apps/42/secrets", 200, Op.SECRET_BODY, Good.SECRET,
            c -> c.upsert(42, "DB_URL", Op.VALUE), a -> a.upsert(42, "DB_URL", Op.VALUE)),
    UPSERT_SECRET_VALUE("POST", "/v1/apps/42/secrets", 200, Op.SECRET_BODY, Good.SECRET,
            c -> c.upsert(42, "DB_URL", SecretValue.of(Op.VALUE)), a -> a.upsert(42, "DB_URL", SecretValue.of(Op.VALUE))),
    DELETE("DELETE", "/v1/apps/42/secrets/DB_URL", 204, null, null, c -> {
        c.delete(42, "DB_URL");
        return null;
    }, a -> a.delete(42, "DB_URL")),
    DELETE_IF_EXISTS("DELETE", "/v1/apps/42/secrets/DB_URL", 204, null, true,
            c -> c.deleteIfExists(42, "DB_URL"), a -> a.deleteIfExists(42, "DB_URL"));

    static final String VALUE = "postgres://u:p@h/db";
    static final String SECRET_BODY = "{\"id\":789,\"name\":\"DB_URL\",\"value\":\"**********\","
            + "\"created_at\":\"2024-01-15T10:00:00.000Z\",\"updated_at\":\"2024-01-16T11:30:00Z\"}";
    static final String LIST_BODY = "{\"secrets\":[" + SECRET_BODY + "]}";

    final String method;
    final String path;
    final int okStatus;
    final String okBody;
    /** What the call returns when the server gives {@link #ok()}. */
    final Object answer;
    private final Function<SecretsClient, Object> sync;
    private final Function<AsyncSecretsClient, CompletableFuture<?>> async;

    Op(String method, String path, int okStatus, String okBody, Object answer, Function<SecretsClient, Object> sync,
       Function<AsyncSecretsClient, CompletableFuture<?>> async) {
        this.method = method;
        this.path = path;
        this.okStatus = okStatus;
        this.okBody = okBody;
        this.answer = answer;
        this.sync = sync;
        this.async = async;
    }

    MappingBuilder stub() {
        return request(method, urlPathEqualTo(path));
    }

    ResponseDefinitionBuilder ok() {
        ResponseDefinitionBuilder response = aResponse().withStatus(okStatus).withHeader("x-request-id", "req-ok");
        return okBody == null ? response : response.withHeader("Content-Type", "application/json").withBody(okBody);
    }

    /** Runs the operation the sync or the async way; async results are awaited as the sync client does. */
    Object run(SecretsClient client, Mode mode) {
        return mode == Mode.SYNC ? sync.apply(client) : Futures.await(async.apply(client.async()));
    }

    CompletableFuture<?> start(SecretsClient client) {
        return async.apply(client.async());
    }

    enum Mode { SYNC, ASYNC }

    /** The secret of {@link #SECRET_BODY}, as the client reads it (a class of its own: enum rows may use it). */
    private static final class Good {
        static final Secret SECRET = new Secret(789, "DB_URL", "**********", Instant.parse("2024-01-15T10:00:00Z"),
                Instant.parse("2024-01-16T11:30:00Z"));
    }
}
