package ai.spice.secrets.bulk;

import ai.spice.secrets.AsyncSecretsClient;
import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * An {@link AsyncSecretsClient} whose upserts answer futures the test completes by hand (or at once, through
 * {@code answer}), so that the bulk window can be watched exactly. Only upsert is used by bulk upserts.
 */
final class FakeAsyncClient implements AsyncSecretsClient {

    /** The upserts started, in order. */
    private final Queue<Started> started = new ConcurrentLinkedQueue<>();
    private final Function<String, CompletableFuture<Secret>> answer;

    record Started(String name, SecretValue value, CompletableFuture<Secret> future) {
        void succeed() {
            future.complete(secret(name));
        }
    }

    FakeAsyncClient() {
        this(name -> new CompletableFuture<>());
    }

    FakeAsyncClient(Function<String, CompletableFuture<Secret>> answer) {
        this.answer = answer;
    }

    static Secret secret(String name) {
        return new Secret(1, name, "**********", Instant.EPOCH, Instant.EPOCH);
    }

    List<Started> started() {
        return List.copyOf(started);
    }

    int inFlight() {
        return (int) started.stream().filter(s -> !s.future().isDone()).count();
    }

    @Override
    public CompletableFuture<Secret> upsert(long appId, String name, SecretValue value) {
        CompletableFuture<Secret> future = answer.apply(name);
        started.add(new Started(name, value, future));
        return future;
    }

    @Override
    public CompletableFuture<Secret> upsert(long appId, String name, String value) {
        return upsert(appId, name, SecretValue.of(value));
    }

    @Override
    public CompletableFuture<List<Secret>> list(long appId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Secret> get(long appId, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Optional<Secret>> find(long appId, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> delete(long appId, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Boolean> deleteIfExists(long appId, String name) {
        throw new UnsupportedOperationException();
    }
}
