package ai.spice.secrets.internal.call;

import java.util.Optional;

/**
 * What an operation makes of the API's answer: how a 2xx body becomes its result and, for {@code find} and
 * {@code deleteIfExists}, the result a 404 for the secret stands for. Immutable.
 */
public final class Reply<T> {

    private final ResponseReader<T> reader;
    private final boolean answersMissing;
    private final T whenMissing;

    private Reply(ResponseReader<T> reader, boolean answersMissing, T whenMissing) {
        this.reader = reader;
        this.answersMissing = answersMissing;
        this.whenMissing = whenMissing;
    }

    /** A reply read from the body; a 404 is a failure. */
    public static <T> Reply<T> of(ResponseReader<T> reader) {
        return new Reply<>(reader, false, null);
    }

    /**
     * A reply that needs no body, as a delete's 204: always {@code value}. A delete whose earlier attempt was carried
     * out but whose answer was lost gets this value from the 404 of its repeat.
     */
    public static <T> Reply<T> noBody(T value) {
        return new Reply<>((body, what) -> value, false, null);
    }

    /** This reply, with a 404 for the secret standing for {@code value} instead of failing. */
    public Reply<T> orIfMissing(T value) {
        return new Reply<>(reader, true, value);
    }

    /** This reply as present-or-empty: the value read, or empty on a 404 for the secret. */
    public Reply<Optional<T>> orEmptyIfMissing() {
        ResponseReader<T> read = reader;
        return new Reply<>((body, what) -> Optional.of(read.read(body, what)), true, Optional.empty());
    }

    T read(byte[] body, String what) {
        return reader.read(body, what);
    }

    boolean answersMissing() {
        return answersMissing;
    }

    T whenMissing() {
        return whenMissing;
    }
}
