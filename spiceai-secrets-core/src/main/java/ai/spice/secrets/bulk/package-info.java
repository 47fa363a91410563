/**
 * Many secrets at once: bulk upsert, declarative sync, {@code .env} files and spicepod checks.
 *
 * <ul>
 *   <li>{@link ai.spice.secrets.SecretsClient#upsertAll(long, java.util.Map, BulkOptions)} stores many secrets with a
 *       bounded number of requests in flight and reports each one in a {@link ai.spice.secrets.bulk.BulkResult}.</li>
 *   <li>{@link ai.spice.secrets.SecretsClient#plan(long, java.util.Map, SyncOptions)} works out what makes an app's
 *       secrets match a desired set; {@link ai.spice.secrets.bulk.SyncPlan#apply()} does it.</li>
 *   <li>{@link ai.spice.secrets.bulk.DotEnv} reads and writes {@code .env} files.</li>
 *   <li>{@link ai.spice.secrets.bulk.SpicepodReferences} finds the {@code ${secrets:NAME}} references of a spicepod,
 *       and {@link ai.spice.secrets.SecretsClient#checkSpicepod(long, java.nio.file.Path)} checks them against an
 *       app.</li>
 * </ul>
 *
 * <pre>{@code
 * try (SecretsClient client = SecretsClient.fromEnv()) {
 *     SyncPlan plan = client.plan(appId, DotEnv.read(Path.of(".env")), SyncOptions.builder().prune(true).build());
 *     System.out.println(plan);                       // names only: + NEW, ~ EXISTING, - REMOVED
 *     plan.apply().throwIfFailed();
 *     System.out.println(client.checkSpicepod(appId, Path.of("spicepod.yaml")));
 * }
 * }</pre>
 *
 * <p>Every name is checked before anything is sent, and all invalid names are reported at once
 * ({@link ai.spice.secrets.errors.InvalidSecretNameException}). Values never appear in a {@code toString()}, an
 * exception message or a progress event.
 */
package ai.spice.secrets.bulk;
