package ai.spice.secrets;

import ai.spice.secrets.bulk.BulkOptions;
import ai.spice.secrets.bulk.BulkResult;
import ai.spice.secrets.internal.bulk.BulkOperations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of a {@link SecretsClient}, from {@link SecretsClient#async()}: the same operations,
 * answering {@link CompletableFuture}s.
 *
 * <pre>{@code
 * client.async().upsert(appId, "API_KEY", SecretValue.of(key))
 *         .thenAccept(secret -> log.info("stored {} at {}", secret.name(), secret.updatedAt()));
 * }</pre>
 *
 * <p>Thread-safe. Never blocks the calling thread: requests run on the HTTP client's executor and retry waits are
 * scheduled, not slept. Argument checks happen at the call, so a bad argument throws at once rather than failing
 * the future. A failed future completes with the same {@link ai.spice.secrets.errors.SpiceException} the
 * synchronous call would throw. Cancelling a future cancels its request and any pending retry.
 */
public interface AsyncSecretsClient {

    /**
     * Lists the secrets of an app; see {@link SecretsClient#list(long)}.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @return the secrets, or a future failed with a {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException if {@code appId} is not positive
     */
    CompletableFuture<List<Secret>> list(long appId);

    /**
     * Reads one secret; see {@link SecretsClient#get(long, String)}.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @return the secret, or a future failed with a {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     */
    CompletableFuture<Secret> get(long appId, String name);

    /**
     * Reads one secret if it exists; see {@link SecretsClient#find(long, String)}.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @return the secret or empty, or a future failed with a {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     */
    CompletableFuture<Optional<Secret>> find(long appId, String name);

    /**
     * Creates or updates a secret; see {@link SecretsClient#upsert(long, String, String)}.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @param value the plaintext value
     * @return the stored secret, or a future failed with a {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     */
    CompletableFuture<Secret> upsert(long appId, String name, String value);

    /**
     * Creates or updates a secret; see {@link SecretsClient#upsert(long, String, SecretValue)}.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @param value the value
     * @return the stored secret, or a future failed with a {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     */
    CompletableFuture<Secret> upsert(long appId, String name, SecretValue value);

    /**
     * Deletes a secret; see {@link SecretsClient#delete(long, String)}.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @return a future completed when deleted, or failed with a {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     */
    CompletableFuture<Void> delete(long appId, String name);

    /**
     * Deletes a secret if it exists; see {@link SecretsClient#deleteIfExists(long, String)}.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @return true if deleted, false if it did not exist, or a future failed with a
     *         {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     */
    CompletableFuture<Boolean> deleteIfExists(long appId, String name);

    /**
     * Creates or updates many secrets with the {@linkplain BulkOptions#defaults() default options}; see
     * {@link #upsertAll(long, Map, BulkOptions)}.
     *
     * @param appId   the app's id, positive (a project's id: apps are projects since 2026-08)
     * @param secrets the secrets by name
     * @return what happened to each secret (a failed secret does not fail the future)
     * @throws IllegalArgumentException                           if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if any name is invalid (all are listed, nothing sent)
     * @throws NullPointerException                               if {@code secrets}, a name or a value is null
     */
    default CompletableFuture<BulkResult> upsertAll(long appId, Map<String, SecretValue> secrets) {
        return upsertAll(appId, secrets, BulkOptions.defaults());
    }

    /**
     * Creates or updates many secrets; see {@link SecretsClient#upsertAll(long, Map, BulkOptions)}. Every argument is
     * checked at the call, before anything is sent; then at most {@link BulkOptions#concurrency()} upserts are in
     * flight at once, each started when an earlier one completes, so no thread is held or blocked. Cancelling the
     * future starts no further secret and cancels those in flight.
     *
     * @param appId   the app's id, positive (a project's id: apps are projects since 2026-08)
     * @param secrets the secrets by name; copied at the call, and the result keeps its iteration order
     * @param options concurrency, failure mode and progress listener
     * @return what happened to each secret (a failed secret does not fail the future); the future fails with an
     *         {@link IllegalStateException} if the client is closed before or during the operation
     * @throws IllegalArgumentException                           if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if any name is invalid (all are listed, nothing sent)
     * @throws NullPointerException                               if an argument, a name or a value is null (naming
     *                                                            the key of a null value)
     */
    default CompletableFuture<BulkResult> upsertAll(long appId, Map<String, SecretValue> secrets, BulkOptions options) {
        return BulkOperations.upsertAll(this, appId, secrets, options);
    }
}
