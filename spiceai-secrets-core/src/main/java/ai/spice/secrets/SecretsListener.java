package ai.spice.secrets;

/**
 * Hears each operation's start and end and each of its HTTP attempts: the hook for metrics, traces and audit logs in
 * your own stack (Micrometer, OpenTelemetry, SLF4J). Events carry the operation, app id, secret name, attempt,
 * status, failure type, duration, request id and retry delay; they have no field that could hold a secret value, a
 * token or a body.
 *
 * <pre>{@code
 * SecretsClient client = SecretsClient.builder().fromEnv()
 *         .listener(new SecretsListener() {
 *             public void operationCompleted(OperationCompleted e) {
 *                 timer(e.call().operation(), e.isSuccess()).record(e.duration());
 *             }
 *         })
 *         .build();
 * }</pre>
 *
 * <p>Listeners run on the calling thread or the HTTP client's threads, in the order they were registered, and must
 * be quick and thread-safe. A listener that throws never changes the call's outcome: the exception is caught and
 * logged once per listener at WARN.
 */
public interface SecretsListener {

    /**
     * An operation was called, after its arguments were checked.
     *
     * @param event the start
     */
    default void operationStarted(OperationStarted event) {
    }

    /**
     * One HTTP attempt ended.
     *
     * @param event the attempt
     */
    default void attemptCompleted(AttemptCompleted event) {
    }

    /**
     * The operation ended, successfully or not.
     *
     * @param event the end
     */
    default void operationCompleted(OperationCompleted event) {
    }
}
