package ai.spice.secrets;

import java.util.List;
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
     * @param appId the app's id, positive
     * @return the secrets, or a future failed with a {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException if {@code appId} is not positive
     */
    CompletableFuture<List<Secret>> list(long appId);

    /**
     * Reads one secret; see {@link SecretsClient#get(long, String)}.
     *
     * @param appId the app's id, positive
     * @param name  the secret's name
     * @return the secret, or a future failed with a {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     */
    CompletableFuture<Secret> get(long appId, String name);

    /**
     * Reads one secret if it exists; see {@link SecretsClient#find(long, String)}.
     *
     * @param appId the app's id, positive
     * @param name  the secret's name
     * @return the secret or empty, or a future failed with a {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     */
    CompletableFuture<Optional<Secret>> find(long appId, String name);

    /**
     * Creates or updates a secret; see {@link SecretsClient#upsert(long, String, String)}.
     *
     * @param appId the app's id, positive
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
     * @param appId the app's id, positive
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
     * @param appId the app's id, positive
     * @param name  the secret's name
     * @return a future completed when deleted, or failed with a {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     */
    CompletableFuture<Void> delete(long appId, String name);

    /**
     * Deletes a secret if it exists; see {@link SecretsClient#deleteIfExists(long, String)}.
     *
     * @param appId the app's id, positive
     * @param name  the secret's name
     * @return true if deleted, false if it did not exist, or a future failed with a
     *         {@link ai.spice.secrets.errors.SpiceException}
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     */
    CompletableFuture<Boolean> deleteIfExists(long appId, String name);
}
