package ai.spice.secrets.internal;

/** Turns a 2xx response into an operation's result, or throws {@code SpiceInvalidDataException}. */
@FunctionalInterface
interface ResponseReader<T> {

    T read(RawResponse response, ApiRequest request);
}
