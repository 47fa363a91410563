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
 *
 * <h2>Conventions of the whole API</h2>
 * <ul>
 *   <li><b>Absence</b> is an empty {@link java.util.Optional} (or {@link java.util.OptionalInt}), in accessors and
 *       record components alike. No public method returns null or takes null to mean "none"; a null argument is a
 *       {@link NullPointerException} naming it. Collections are never null: "none" is empty.</li>
 *   <li><b>Names</b>: {@code isXxx()} is a yes-or-no question ({@code isSuccess()}, {@code isClean()},
 *       {@code isValid(...)}); a plural noun is a collection ({@code succeeded()} is the map of what succeeded);
 *       {@code read(Path)} reads a file and {@code parse(String)} parses text; accessors have no {@code get}.</li>
 *   <li><b>Exceptions</b> all live in {@link ai.spice.secrets.errors}: a {@link ai.spice.secrets.errors.SpiceException}
 *       for what went wrong with the service, the transport or a bulk run; an {@link IllegalArgumentException} subtype
 *       for a caller's bad input, thrown before anything is sent.</li>
 *   <li><b>Options and policies</b> ({@link ai.spice.secrets.RetryPolicy}, {@code BulkOptions}, {@code SyncOptions})
 *       are immutable values with {@code builder()}, {@code defaults()}, {@code toBuilder()}, {@code equals},
 *       {@code hashCode} and {@code toString}; builders check each setting at once.</li>
 * </ul>
 */
package ai.spice.secrets;
