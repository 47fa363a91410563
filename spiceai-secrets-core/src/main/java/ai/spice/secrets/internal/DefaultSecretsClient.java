package ai.spice.secrets.internal;

import ai.spice.secrets.ApiPaths;
import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.SecretTooLargeException;
import ai.spice.secrets.internal.bulk.OwnClient;
import ai.spice.secrets.internal.call.Call;
import ai.spice.secrets.internal.call.CallContext;
import ai.spice.secrets.internal.call.Futures;
import ai.spice.secrets.internal.call.Reply;
import ai.spice.secrets.internal.http.ApiRequest;
import ai.spice.secrets.internal.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one implementation of both client views. Each method builds its request (which checks the arguments) and
 * starts one {@link Call}, saying whether the caller waits: the synchronous view waits for the result, the
 * asynchronous one hands the future out.
 */
final class DefaultSecretsClient implements SecretsClient, OwnClient {

    private static final Reply<List<Secret>> SECRETS = Reply.of(Json::readSecretList);
    private static final Reply<Secret> SECRET = Reply.of(Json::readSecret);
    private static final Reply<Optional<Secret>> SECRET_IF_PRESENT = SECRET.orEmptyIfMissing();
    private static final Reply<Void> DELETED = Reply.noBody(null);
    private static final Reply<Boolean> DELETED_IF_PRESENT = Reply.noBody(true).orIfMissing(false);

    private final CallContext context;
    private final String description;
    private final String api;
    private final String organization;
    private final long maxRequestBytes;
    private final ApiPaths paths;
    private final Async async = new Async();

    /**
     * @param organization    the {@code X-Org-Name} handle, or {@code ""}
     * @param maxRequestBytes the largest upsert body sent
     * @param paths           the routes called
     */
    DefaultSecretsClient(CallContext context, String description, String api, String organization,
                         long maxRequestBytes, ApiPaths paths) {
        this.context = context;
        this.description = description;
        this.api = api;
        this.organization = organization;
        this.maxRequestBytes = maxRequestBytes;
        this.paths = paths;
    }

    @Override
    public void checkUpsert(String name, SecretValue value) {
        upsertRequest(1, name, value);
    }

    @Override
    public CompletableFuture<Void> slot(long appId) {
        return context.pacer().slot(appId, context.scheduler());
    }

    @Override
    public String api() {
        return api;
    }

    @Override
    public String organization() {
        return organization;
    }

    @Override
    public List<Secret> list(long appId) {
        return sync(ApiRequest.list(paths, appId), SECRETS);
    }

    @Override
    public Secret get(long appId, String name) {
        return sync(ApiRequest.get(paths, appId, name), SECRET);
    }

    @Override
    public Optional<Secret> find(long appId, String name) {
        return sync(ApiRequest.get(paths, appId, name), SECRET_IF_PRESENT);
    }

    @Override
    public Secret upsert(long appId, String name, String value) {
        return upsert(appId, name, SecretValue.of(Objects.requireNonNull(value, "value")));
    }

    @Override
    public Secret upsert(long appId, String name, SecretValue value) {
        return sync(upsertRequest(appId, name, value), SECRET);
    }

    @Override
    public void delete(long appId, String name) {
        sync(ApiRequest.delete(paths, appId, name), DELETED);
    }

    @Override
    public boolean deleteIfExists(long appId, String name) {
        return sync(ApiRequest.delete(paths, appId, name), DELETED_IF_PRESENT);
    }

    @Override
    public AsyncSecretsClient async() {
        return async;
    }

    @Override
    public void close() {
        context.open().close();
    }

    @Override
    public String toString() {
        return "SecretsClient[" + description + (context.open().isClosed() ? ", closed" : "") + "]";
    }

    /** The upsert request, once its body is known to be within the limit: nothing is sent otherwise. */
    private ApiRequest upsertRequest(long appId, String name, SecretValue value) {
        ApiRequest request = ApiRequest.upsert(paths, appId, name, value);
        if (request.body().length > maxRequestBytes) {
            throw new SecretTooLargeException(name, request.body().length, maxRequestBytes);
        }
        return request;
    }

    private <T> T sync(ApiRequest request, Reply<T> reply) {
        return Futures.await(Call.start(context, request, reply, Call.Mode.SYNC));
    }

    private final class Async implements AsyncSecretsClient, OwnClient.View {

        @Override
        public OwnClient owner() {
            return DefaultSecretsClient.this;
        }

        @Override
        public CompletableFuture<List<Secret>> list(long appId) {
            return async(ApiRequest.list(paths, appId), SECRETS);
        }

        @Override
        public CompletableFuture<Secret> get(long appId, String name) {
            return async(ApiRequest.get(paths, appId, name), SECRET);
        }

        @Override
        public CompletableFuture<Optional<Secret>> find(long appId, String name) {
            return async(ApiRequest.get(paths, appId, name), SECRET_IF_PRESENT);
        }

        @Override
        public CompletableFuture<Secret> upsert(long appId, String name, String value) {
            return upsert(appId, name, SecretValue.of(Objects.requireNonNull(value, "value")));
        }

        @Override
        public CompletableFuture<Secret> upsert(long appId, String name, SecretValue value) {
            return async(upsertRequest(appId, name, value), SECRET);
        }

        @Override
        public CompletableFuture<Void> delete(long appId, String name) {
            return async(ApiRequest.delete(paths, appId, name), DELETED);
        }

        @Override
        public CompletableFuture<Boolean> deleteIfExists(long appId, String name) {
            return async(ApiRequest.delete(paths, appId, name), DELETED_IF_PRESENT);
        }

        @Override
        public String toString() {
            return "AsyncSecretsClient[" + description + "]";
        }

        private <T> CompletableFuture<T> async(ApiRequest request, Reply<T> reply) {
            return Call.start(context, request, reply, Call.Mode.ASYNC);
        }
    }
}
