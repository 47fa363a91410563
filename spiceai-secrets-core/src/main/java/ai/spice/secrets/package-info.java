/**
 * The Spice.ai Secrets client: list, read, create-or-update and delete the secrets of a Spice.ai app.
 *
 * <p>Start with {@link ai.spice.secrets.SecretsClient#builder()} or {@link ai.spice.secrets.SecretsClient#fromEnv()}:
 * <pre>{@code
 * try (SecretsClient client = SecretsClient.builder().token(System.getenv("SPICE_API_TOKEN")).build()) {
 *     client.upsert(appId, "DATABASE_URL", SecretValue.of(url));
 *     for (Secret secret : client.list(appId)) {
 *         System.out.println(secret.name() + " updated " + secret.updatedAt());
 *     }
 * }
 * }</pre>
 *
 * <p>Secret values only travel to the API: the API never returns them (it answers with a mask), and the SDK never
 * logs them or puts them in an exception message or a {@code toString()}. Failures are reported as the unchecked
 * exceptions of {@link ai.spice.secrets.errors}.
 */
package ai.spice.secrets;
