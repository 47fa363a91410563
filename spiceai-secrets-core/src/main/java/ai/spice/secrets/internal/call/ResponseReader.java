package ai.spice.secrets.internal.call;

/** Turns a 2xx body into an operation's result, or throws {@code SpiceInvalidDataException}. */
@FunctionalInterface
public interface ResponseReader<T> {

    /**
     * @param body the response body, capped
     * @param what the request, for messages: {@code "GET /v1/apps/42/secrets/DB_URL"}
     */
    T read(byte[] body, String what);
}
