package ai.spice.secrets;

import ai.spice.secrets.bulk.BulkOptions;
import ai.spice.secrets.bulk.BulkResult;
import ai.spice.secrets.bulk.SpicepodCheck;
import ai.spice.secrets.bulk.SpicepodCheckOptions;
import ai.spice.secrets.bulk.SyncOptions;
import ai.spice.secrets.bulk.SyncPlan;
import ai.spice.secrets.internal.ClientBuilder;
import ai.spice.secrets.internal.bulk.BulkOperations;
import ai.spice.secrets.internal.call.Futures;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client for the secrets of Spice.ai apps: list, get, create-or-update ({@code upsert}) and delete.
 *
 * <pre>{@code
 * try (SecretsClient client = SecretsClient.fromEnv()) {
 *     Secret secret = client.upsert(appId, "OPENAI_API_KEY", SecretValue.of(key));
 *     client.find(appId, "OPENAI_API_KEY").ifPresent(s -> System.out.println(s.updatedAt()));
 * }
 * }</pre>
 *
 * <p>Thread-safe: make one per application and share it. Every operation checks its arguments before sending
 * anything: {@code appId} must be positive ({@link IllegalArgumentException}), a name must pass
 * {@link SecretName#requireValid(String)} ({@link ai.spice.secrets.errors.InvalidSecretNameException}), and nothing
 * may be null ({@link NullPointerException} naming the argument). Failed requests are retried by the configured
 * {@link RetryPolicy}; what fails in the end is reported as a {@link ai.spice.secrets.errors.SpiceException}.
 */
public interface SecretsClient extends AutoCloseable {

    /**
     * Starts configuring a client.
     *
     * @return a new builder
     */
    static Builder builder() {
        return new ClientBuilder();
    }

    /**
     * Creates a client configured from the environment: {@code builder().fromEnv().build()}.
     *
     * @return a new client
     * @throws IllegalStateException if the environment holds no credentials (the message names the variables)
     */
    static SecretsClient fromEnv() {
        return builder().fromEnv().build();
    }

    /**
     * Lists the secrets of an app, sorted as the API returns them, values masked.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @return the secrets; empty if the app has none
     * @throws IllegalArgumentException                           if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.NotFoundException          if the app does not exist
     * @throws ai.spice.secrets.errors.PermissionDeniedException  if the credential lacks {@code secrets:read}
     * @throws ai.spice.secrets.errors.SpiceException             for any other failure, after retries
     */
    List<Secret> list(long appId);

    /**
     * Reads one secret's metadata, value masked.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @return the secret
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     * @throws ai.spice.secrets.errors.NotFoundException           if the app or the secret does not exist
     * @throws ai.spice.secrets.errors.SpiceException              for any other failure, after retries
     */
    Secret get(long appId, String name);

    /**
     * Reads one secret's metadata if the secret exists.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @return the secret, or empty if the API answers 404 for the secret (a 404 that says the app itself was not
     *         found still throws {@link ai.spice.secrets.errors.NotFoundException})
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     * @throws ai.spice.secrets.errors.SpiceException              for any other failure, after retries
     */
    Optional<Secret> find(long appId, String name);

    /**
     * Creates a secret, or sets a new value for the secret of the same name (keeping its id and creation time).
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @param value the plaintext value; prefer {@link #upsert(long, String, SecretValue)} to keep it wrapped
     * @return the secret as stored, value masked
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     * @throws ai.spice.secrets.errors.PermissionDeniedException   if the credential lacks {@code secrets:write}
     * @throws ai.spice.secrets.errors.SpiceException              for any other failure, after retries
     */
    Secret upsert(long appId, String name, String value);

    /**
     * Creates a secret, or sets a new value for the secret of the same name (keeping its id and creation time).
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @param value the value
     * @return the secret as stored, value masked
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     * @throws ai.spice.secrets.errors.PermissionDeniedException   if the credential lacks {@code secrets:write}
     * @throws ai.spice.secrets.errors.SpiceException              for any other failure, after retries
     */
    Secret upsert(long appId, String name, SecretValue value);

    /**
     * Deletes a secret permanently. If an attempt's answer is lost (reset connection, timeout) and the retry then
     * finds the secret gone, the deletion is taken as done: the lost attempt carried it out.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     * @throws ai.spice.secrets.errors.NotFoundException           if the app or the secret does not exist
     * @throws ai.spice.secrets.errors.SpiceException              for any other failure, after retries
     */
    void delete(long appId, String name);

    /**
     * Deletes a secret if it exists.
     *
     * @param appId the app's id, positive (a project's id: apps are called projects in Spice's portal since 2026-08)
     * @param name  the secret's name
     * @return true if it was deleted, false if the API answered 404 for the secret (a 404 that says the app itself
     *         was not found still throws {@link ai.spice.secrets.errors.NotFoundException})
     * @throws IllegalArgumentException                            if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if {@code name} is not a valid name
     * @throws ai.spice.secrets.errors.SpiceException              for any other failure, after retries
     */
    boolean deleteIfExists(long appId, String name);

    /**
     * Creates or updates many secrets with the {@linkplain BulkOptions#defaults() default options}; see
     * {@link #upsertAll(long, Map, BulkOptions)}.
     *
     * @param appId   the app's id, positive (a project's id: apps are projects since 2026-08)
     * @param secrets the secrets by name, for example from {@link ai.spice.secrets.bulk.DotEnv#read(Path)}
     * @return what happened to each secret; a failed secret does not throw
     * @throws IllegalArgumentException                           if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if any name is invalid (all are listed, nothing sent)
     * @throws NullPointerException                               if {@code secrets}, a name or a value is null
     * @throws IllegalStateException                              if the client is closed
     */
    default BulkResult upsertAll(long appId, Map<String, SecretValue> secrets) {
        return upsertAll(appId, secrets, BulkOptions.defaults());
    }

    /**
     * Creates or updates many secrets: every name is checked before anything is sent, then one upsert per secret runs
     * on {@link #async()} with at most {@link BulkOptions#concurrency()} in flight (no thread per secret), each retried
     * by the client's {@link RetryPolicy}; this thread waits for the end. Not atomic: there is no batch endpoint.
     *
     * @param appId   the app's id, positive (a project's id: apps are projects since 2026-08)
     * @param secrets the secrets by name; copied at the call, and the result keeps its iteration order
     * @param options concurrency, failure mode and progress listener
     * @return what happened to each secret; a failed secret does not throw (see {@link BulkResult#throwIfFailed()})
     * @throws IllegalArgumentException                           if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if any name is invalid (all are listed, nothing sent)
     * @throws NullPointerException                               if an argument, a name or a value is null (naming
     *                                                            the key of a null value)
     * @throws IllegalStateException                              if the client is closed
     * @throws ai.spice.secrets.errors.SpiceIoException          if interrupted while waiting (the flag is kept)
     */
    default BulkResult upsertAll(long appId, Map<String, SecretValue> secrets, BulkOptions options) {
        return Futures.await(async().upsertAll(appId, secrets, options));
    }

    /**
     * Plans to make an app's secrets match {@code desired}: checks every name, lists the app's secrets (one request)
     * and works out what to create, update, delete and leave alone; {@link SyncPlan#apply()} writes.
     *
     * @param appId   the app's id, positive (a project's id: apps are projects since 2026-08)
     * @param desired the secrets the app should have, by name; copied at the call
     * @param options prune, create-only, dry run, and how the writes run; {@link SyncOptions#defaults()} deletes nothing
     * @return the plan
     * @throws IllegalArgumentException                           if {@code appId} is not positive
     * @throws ai.spice.secrets.errors.InvalidSecretNameException if any name is invalid (all are listed, nothing sent)
     * @throws NullPointerException                               if an argument, a name or a value is null
     * @throws ai.spice.secrets.errors.SpiceException            if listing the app's secrets fails, after retries
     */
    default SyncPlan plan(long appId, Map<String, SecretValue> desired, SyncOptions options) {
        return BulkOperations.plan(this, appId, desired, options);
    }

    /**
     * Checks a spicepod against an app's secrets, with nothing available elsewhere: see
     * {@link #checkSpicepod(long, Path, SpicepodCheckOptions)}.
     *
     * @param appId    the app's id, positive (a project's id: apps are projects since 2026-08)
     * @param spicepod the spicepod file, e.g. {@code spicepod.yaml}
     * @return the report
     * @throws IllegalArgumentException                    if {@code appId} is not positive
     * @throws NullPointerException                        if {@code spicepod} is null
     * @throws java.io.UncheckedIOException               if the file cannot be read (nothing is sent)
     * @throws ai.spice.secrets.errors.SpicepodException if the file is not valid YAML, is over a limit, or the
     *                                                     optional YAML parser is absent (nothing is sent)
     * @throws ai.spice.secrets.errors.SpiceException     if listing the app's secrets fails, after retries
     */
    default SpicepodCheck checkSpicepod(long appId, Path spicepod) {
        return checkSpicepod(appId, spicepod, SpicepodCheckOptions.defaults());
    }

    /**
     * Checks a spicepod against an app's secrets: what answers each reference the runtime substitutes, the ones
     * nothing answers, the secrets nothing references or can reference, and the malformed references. Reads the
     * file first, then lists the app's secrets (one request). See {@link ai.spice.secrets.bulk.SpicepodReferences}
     * for how references are found and {@link SpicepodCheck} for how they are answered; reading needs the optional
     * dependency {@code org.snakeyaml:snakeyaml-engine}.
     *
     * @param appId    the app's id, positive (a project's id: apps are projects since 2026-08)
     * @param spicepod the spicepod file, e.g. {@code spicepod.yaml}
     * @param options  the names available without an app secret; {@link SpicepodCheckOptions#defaults()} has none
     * @return the report
     * @throws IllegalArgumentException                    if {@code appId} is not positive
     * @throws NullPointerException                        if {@code spicepod} or {@code options} is null
     * @throws java.io.UncheckedIOException               if the file cannot be read (nothing is sent)
     * @throws ai.spice.secrets.errors.SpicepodException if the file is not valid YAML, is over a limit, or the
     *                                                     optional YAML parser is absent (nothing is sent)
     * @throws ai.spice.secrets.errors.SpiceException     if listing the app's secrets fails, after retries
     */
    default SpicepodCheck checkSpicepod(long appId, Path spicepod, SpicepodCheckOptions options) {
        return BulkOperations.checkSpicepod(this, appId, spicepod, options);
    }

    /**
     * Returns the asynchronous view of this same client: same configuration, connections and retry policy.
     *
     * @return the asynchronous client
     */
    AsyncSecretsClient async();

    /**
     * Closes the client: calls still in flight fail promptly with a
     * {@link ai.spice.secrets.errors.SpiceIoException}, and new calls throw {@link IllegalStateException}.
     * Closing twice does nothing.
     */
    @Override
    void close();

    /**
     * Configures a {@link SecretsClient}. Setters check their argument at once; {@link #build()} checks that a
     * credential is set. Not thread-safe; a builder may be reused, and what it built never changes.
     */
    interface Builder {

        /**
         * Sets the API's base URL. Default {@code https://api.spice.ai}. Plain {@code http} is refused unless the
         * host is a loopback address (an emulator on this machine).
         *
         * @param url an absolute http(s) URL
         * @return this builder
         * @throws NullPointerException     if {@code url} is null
         * @throws IllegalArgumentException if {@code url} is not an absolute https URL (or http to loopback)
         */
        Builder baseUrl(String url);

        /**
         * Sets the API's base URL; see {@link #baseUrl(String)}.
         *
         * @param url an absolute http(s) URL
         * @return this builder
         * @throws NullPointerException     if {@code url} is null
         * @throws IllegalArgumentException if {@code url} is not an absolute https URL (or http to loopback)
         */
        Builder baseUrl(URI url);

        /**
         * Authenticates with a bearer token sent as is: a personal access token or an access token. Replaces any
         * credential set before.
         *
         * @param bearerToken the token, without the {@code Bearer } prefix
         * @return this builder
         * @throws NullPointerException     if {@code bearerToken} is null
         * @throws IllegalArgumentException if {@code bearerToken} is blank or holds a character an HTTP header cannot
         *                                  carry (the message never quotes it)
         */
        Builder token(String bearerToken);

        /**
         * Authenticates with OAuth 2.0 client credentials: the client asks {@link #tokenUrl(String)} for an access
         * token, caches it, refreshes it 60 s before it expires, and fetches a new one once if the API answers 401.
         * Replaces any credential set before.
         *
         * @param clientId     the OAuth client id
         * @param clientSecret the OAuth client secret
         * @return this builder
         * @throws NullPointerException     if either argument is null
         * @throws IllegalArgumentException if either argument is blank
         */
        Builder clientCredentials(String clientId, String clientSecret);

        /**
         * Sets the OAuth token endpoint used with {@link #clientCredentials(String, String)}. Default
         * {@code https://spice.ai/api/oauth/token}. Plain {@code http} is refused unless the host is loopback.
         *
         * @param url an absolute http(s) URL
         * @return this builder
         * @throws NullPointerException     if {@code url} is null
         * @throws IllegalArgumentException if {@code url} is not an absolute https URL (or http to loopback)
         */
        Builder tokenUrl(String url);

        /**
         * Authenticates with tokens from any source, asked before each attempt. Replaces any credential set before.
         *
         * @param provider the token source
         * @return this builder
         * @throws NullPointerException if {@code provider} is null
         */
        Builder credentials(CredentialsProvider provider);

        /**
         * Acts on another organization the credential may use, sent as {@code X-Org-Name}. Default: none.
         *
         * @param orgHandle the organization's handle
         * @return this builder
         * @throws NullPointerException     if {@code orgHandle} is null
         * @throws IllegalArgumentException if {@code orgHandle} is blank or holds characters a header cannot carry
         */
        Builder organization(String orgHandle);

        /**
         * Sets the retry policy. Default {@link RetryPolicy#defaults()}.
         *
         * @param policy the policy; {@link RetryPolicy#none()} to never retry
         * @return this builder
         * @throws NullPointerException if {@code policy} is null
         */
        Builder retryPolicy(RetryPolicy policy);

        /**
         * Sets the connect timeout of the HTTP client the SDK creates. Default 10 s. Ignored when
         * {@link #httpClient(HttpClient)} supplies the client.
         *
         * @param timeout positive
         * @return this builder
         * @throws NullPointerException     if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        Builder connectTimeout(Duration timeout);

        /**
         * Sets the timeout of each attempt, from sending the request to the end of the response. Default 30 s.
         *
         * @param timeout positive
         * @return this builder
         * @throws NullPointerException     if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        Builder requestTimeout(Duration timeout);

        /**
         * Uses your own HTTP client (proxy, TLS, executor). Default: a client the SDK creates with HTTP/2 preferred,
         * redirects never followed, the connect timeout above, and an executor that, while at most two exchanges are
         * in flight, reads each answer on the client's own I/O thread instead of handing it to a pool thread (your
         * callbacks on asynchronous calls still never run there). Yours must not follow redirects either
         * ({@code HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)}, the JDK's default): a followed
         * redirect would carry the bearer token, or a token request's OAuth client secret, to whatever host it names,
         * so {@link #build()} refuses such a client. A redirect is reported as
         * {@link ai.spice.secrets.errors.UnexpectedStatusCodeException}.
         *
         * @param client the HTTP client
         * @return this builder
         * @throws NullPointerException if {@code client} is null
         */
        Builder httpClient(HttpClient client);

        /**
         * Caps how many bytes of a response body are read. Default 16 MiB. A larger body fails the call with
         * {@link ai.spice.secrets.errors.SpiceInvalidDataException} instead of filling the heap.
         *
         * @param maxBytes positive
         * @return this builder
         * @throws IllegalArgumentException if {@code maxBytes} is not positive
         */
        Builder maxResponseBytes(long maxBytes);

        /**
         * Caps the size of an upsert's JSON request body, checked before anything is sent. Default 1,048,576 bytes
         * (1 MiB), the service's limit, past which it answers 413. What counts is the body's bytes as sent, not the
         * value's characters: a character outside ASCII takes its 2 to 3 bytes of UTF-8 (more where JSON escapes it),
         * and {@code "} and {@code \\} take 2.
         *
         * @param maxBytes positive
         * @return this builder
         * @throws IllegalArgumentException if {@code maxBytes} is not positive
         */
        Builder maxRequestBytes(long maxBytes);

        /**
         * Chooses the routes the client calls. Default {@link ApiPaths#APPS} ({@code /v1/apps/...}), which every
         * official tool calls and which Spice keeps working; {@link ApiPaths#PROJECTS} sends {@code /v1/projects/...},
         * the canonical path since apps became projects (the id is the same).
         *
         * @param paths the routes
         * @return this builder
         * @throws NullPointerException if {@code paths} is null
         */
        Builder apiPaths(ApiPaths paths);

        /**
         * Adds a listener of operations and attempts, for metrics, tracing or audit. Several may be added; they are
         * called in the order added. Default: none.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         */
        Builder listener(SecretsListener listener);

        /**
         * Reads the configuration from the environment. {@code SPICE_API_TOKEN} (a bearer token) or else
         * {@code SPICEAI_CLIENT_ID} and {@code SPICEAI_CLIENT_SECRET} (OAuth client credentials);
         * {@code SPICEAI_API_ENDPOINT} (base URL), {@code SPICEAI_OAUTH_ENDPOINT} (token URL) and
         * {@code SPICEAI_ORG} (organization) when set. Settings made after this call override it.
         *
         * @return this builder
         * @throws IllegalStateException if none of the credential variables is set, or only one of the client
         *                               credential pair; the message names the variables
         */
        Builder fromEnv();

        /**
         * Builds the client.
         *
         * @return a new client
         * @throws IllegalStateException if no credential was set, or the {@link #httpClient(HttpClient)} given follows
         *                               redirects; the message names the ways to set one
         */
        SecretsClient build();
    }
}
