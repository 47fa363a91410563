package ai.spice.secrets.internal;

import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretName;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one implementation of both client views: the synchronous methods wait on the asynchronous ones (whose first
 * attempt then runs on the waiting thread, see {@link Call}).
 */
final class DefaultSecretsClient implements SecretsClient {

    private final RetryingExecutor executor;
    private final String description;
    private final Async async = new Async();

    DefaultSecretsClient(RetryingExecutor executor, String description) {
        this.executor = executor;
        this.description = description;
    }

    @Override
    public List<Secret> list(long appId) {
        return executor.callAndWait(() -> async.list(appId));
    }

    @Override
    public Secret get(long appId, String name) {
        return executor.callAndWait(() -> async.get(appId, name));
    }

    @Override
    public Optional<Secret> find(long appId, String name) {
        return executor.callAndWait(() -> async.find(appId, name));
    }

    @Override
    public Secret upsert(long appId, String name, String value) {
        return executor.callAndWait(() -> async.upsert(appId, name, value));
    }

    @Override
    public Secret upsert(long appId, String name, SecretValue value) {
        return executor.callAndWait(() -> async.upsert(appId, name, value));
    }

    @Override
    public void delete(long appId, String name) {
        executor.callAndWait(() -> async.delete(appId, name));
    }

    @Override
    public boolean deleteIfExists(long appId, String name) {
        return executor.callAndWait(() -> async.deleteIfExists(appId, name));
    }

    @Override
    public AsyncSecretsClient async() {
        return async;
    }

    @Override
    public void close() {
        executor.close();
    }

    @Override
    public String toString() {
        return "SecretsClient[" + description + (executor.isClosed() ? ", closed" : "") + "]";
    }

    private final class Async implements AsyncSecretsClient {

        @Override
        public CompletableFuture<List<Secret>> list(long appId) {
            return executor.execute(ApiRequest.list(checkAppId(appId)), Json::readSecretList);
        }

        @Override
        public CompletableFuture<Secret> get(long appId, String name) {
            return executor.execute(ApiRequest.get(checkAppId(appId), SecretName.requireValid(name)), Json::readSecret);
        }

        @Override
        public CompletableFuture<Optional<Secret>> find(long appId, String name) {
            CompletableFuture<Secret> secret = get(appId, name);
            return Futures.linked(secret, secret.handle((found, error) -> {
                if (error == null) {
                    return Optional.of(found);
                }
                if (RetryingExecutor.isMissingSecret(error)) {
                    return Optional.<Secret>empty();
                }
                throw Futures.rethrow(error);
            }));
        }

        @Override
        public CompletableFuture<Secret> upsert(long appId, String name, String value) {
            Objects.requireNonNull(value, "value");
            return upsert(appId, name, SecretValue.of(value));
        }

        @Override
        public CompletableFuture<Secret> upsert(long appId, String name, SecretValue value) {
            checkAppId(appId);
            SecretName.requireValid(name);
            Objects.requireNonNull(value, "value");
            return executor.execute(ApiRequest.upsert(appId, name, Json.upsertBody(name, value)), Json::readSecret);
        }

        @Override
        public CompletableFuture<Void> delete(long appId, String name) {
            return executor.execute(ApiRequest.delete(checkAppId(appId), SecretName.requireValid(name)),
                    (response, request) -> null);
        }

        @Override
        public CompletableFuture<Boolean> deleteIfExists(long appId, String name) {
            CompletableFuture<Void> deleted = delete(appId, name);
            return Futures.linked(deleted, deleted.handle((done, error) -> {
                if (error == null) {
                    return true;
                }
                if (RetryingExecutor.isMissingSecret(error)) {
                    return false;
                }
                throw Futures.rethrow(error);
            }));
        }

        @Override
        public String toString() {
            return "AsyncSecretsClient[" + description + "]";
        }
    }

    private static long checkAppId(long appId) {
        if (appId <= 0) {
            throw new IllegalArgumentException("appId must be positive, was " + appId);
        }
        return appId;
    }
}
