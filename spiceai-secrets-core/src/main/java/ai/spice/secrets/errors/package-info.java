/**
 * The exceptions of the Spice.ai Secrets SDK: one unchecked hierarchy rooted in {@link ai.spice.secrets.errors.SpiceException}.
 *
 * <table>
 *   <caption>What is thrown when</caption>
 *   <tr><th>failure</th><th>exception</th></tr>
 *   <tr><td>400</td><td>{@link ai.spice.secrets.errors.BadRequestException}</td></tr>
 *   <tr><td>401</td><td>{@link ai.spice.secrets.errors.UnauthorizedException}</td></tr>
 *   <tr><td>403</td><td>{@link ai.spice.secrets.errors.PermissionDeniedException}</td></tr>
 *   <tr><td>404</td><td>{@link ai.spice.secrets.errors.NotFoundException}</td></tr>
 *   <tr><td>409</td><td>{@link ai.spice.secrets.errors.ConflictException}</td></tr>
 *   <tr><td>410</td><td>{@link ai.spice.secrets.errors.GoneException}</td></tr>
 *   <tr><td>413</td><td>{@link ai.spice.secrets.errors.PayloadTooLargeException}</td></tr>
 *   <tr><td>422</td><td>{@link ai.spice.secrets.errors.UnprocessableEntityException}</td></tr>
 *   <tr><td>429</td><td>{@link ai.spice.secrets.errors.RateLimitException}</td></tr>
 *   <tr><td>500-599</td><td>{@link ai.spice.secrets.errors.InternalServerException}</td></tr>
 *   <tr><td>any other non-2xx</td><td>{@link ai.spice.secrets.errors.UnexpectedStatusCodeException}</td></tr>
 *   <tr><td>connect failure, reset, broken body</td><td>{@link ai.spice.secrets.errors.SpiceIoException}</td></tr>
 *   <tr><td>connect or request timeout</td><td>{@link ai.spice.secrets.errors.SpiceTimeoutException}</td></tr>
 *   <tr><td>a 2xx response that cannot be read</td><td>{@link ai.spice.secrets.errors.SpiceInvalidDataException}</td></tr>
 *   <tr><td>an invalid secret name, or several in a bulk input (no request sent)</td><td>{@link ai.spice.secrets.errors.InvalidSecretNameException}</td></tr>
 *   <tr><td>some secrets of a bulk run failed ({@code throwIfFailed()})</td><td>{@link ai.spice.secrets.errors.BulkFailureException}</td></tr>
 *   <tr><td>a {@code .env} text that cannot be read</td><td>{@link ai.spice.secrets.errors.DotEnvException}</td></tr>
 *   <tr><td>a spicepod that cannot be read (invalid YAML, over a limit, no YAML parser)</td><td>{@link ai.spice.secrets.errors.SpicepodException}</td></tr>
 *   <tr><td>a sync ledger that cannot be trusted or written</td><td>{@link ai.spice.secrets.errors.LedgerException}</td></tr>
 *   <tr><td>an upsert body over the request limit (no request sent)</td><td>{@link ai.spice.secrets.errors.SecretTooLargeException}</td></tr>
 *   <tr><td>a sync plan a guardrail refuses (nothing sent)</td><td>{@link ai.spice.secrets.errors.SyncRefusedException}</td></tr>
 * </table>
 *
 * <p>Every exception the SDK throws is in this package. Those that extend {@link ai.spice.secrets.errors.SpiceException}
 * report what went wrong with the service, the transport or a bulk run; those that extend
 * {@link java.lang.IllegalArgumentException} report a caller's bad input, found before anything is sent.
 *
 * <p>Messages carry the status, the server's {@code error} text and {@code code}, the method and path and the
 * request id; never a body, a header, a secret value or a token.
 */
package ai.spice.secrets.errors;
