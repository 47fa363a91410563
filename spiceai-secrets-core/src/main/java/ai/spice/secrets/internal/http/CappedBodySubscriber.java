package ai.spice.secrets.internal.http;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into a byte array, failing with {@link ResponseTooLargeException} as soon as the body is
 * known to exceed the cap (from {@code Content-Length}, or while reading), so a hostile server cannot fill the heap.
 * An error answer's body is only read for its message, so past the cap it is cut off instead: the status still gives
 * its exception (a proxy's 20 MB 503 page is a 503, and retried).
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

    /**
     * The subscriber for one answer. A 2xx not declared too large is collected through the JDK's own
     * {@code BodySubscribers.fromSubscriber}, which the JDK lets run where the bytes arrive: a {@code BodySubscriber} of
     * ours would have the end of every answer handed to the client's executor, a thread hop per call that cost a small
     * call about a tenth of its time. Error answers (cut off, not failed) and 2xx declared too large take this class.
     */
    static BodySubscriber<byte[]> of(HttpResponse.ResponseInfo info, long cap) {
        CappedBodySubscriber capped = new CappedBodySubscriber(info.statusCode(), info.headers(), cap);
        if (capped.cutOff || capped.declaredLength > cap) {
            return capped;
        }
        return HttpResponse.BodySubscribers.fromSubscriber(capped.new Strict(), strict -> capped.collected());
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long cap;
    private final boolean cutOff;
    private final long declaredLength;
    private byte[] buffer;
    private int size;
    private Flow.Subscription subscription;

    CappedBodySubscriber(int status, HttpHeaders headers, long cap) {
        this.cap = cap;
        this.cutOff = status < 200 || status > 299;
        this.declaredLength = headers.firstValueAsLong("content-length").orElse(-1L);
        this.buffer = new byte[(int) Math.min(Math.max(declaredLength, 256), Math.min(cap, 1 << 20))];
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredLength > cap && !cutOff) {
            subscription.cancel();
            result.completeExceptionally(new ResponseTooLargeException(cap));
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if ((long) size + n > cap) {
                subscription.cancel();
                if (cutOff) {
                    item.limit(item.position() + (int) (cap - size));
                    ensureCapacity((int) cap);
                    item.get(buffer, size, item.remaining());
                    size = (int) cap;
                    onComplete();
                } else {
                    result.completeExceptionally(new ResponseTooLargeException(cap));
                }
                return;
            }
            ensureCapacity(size + n);
            item.get(buffer, size, n);
            size += n;
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(collected());
    }

    private byte[] collected() {
        return size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size);
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            long grown = Math.max(needed, (long) buffer.length * 2);
            buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(grown, Math.min(cap, Integer.MAX_VALUE - 8)));
        }
    }

    /**
     * A 2xx body for {@code fromSubscriber}: collected up to the cap; past it, {@code onNext} throws the
     * {@link ResponseTooLargeException}, and the JDK's adapter cancels the exchange and fails the body with it.
     */
    private final class Strict implements Flow.Subscriber<List<ByteBuffer>> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int n = item.remaining();
                if ((long) size + n > cap) {
                    throw CappedBodySubscriber.<RuntimeException>unchecked(new ResponseTooLargeException(cap));
                }
                ensureCapacity(size + n);
                item.get(buffer, size, n);
                size += n;
            }
        }

        @Override
        public void onError(Throwable error) {
            // the adapter fails the body with it
        }

        @Override
        public void onComplete() {
            // the adapter's finisher takes the bytes
        }
    }

    /** Throws a checked exception where the signature cannot say so: the adapter catches whatever onNext throws. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E unchecked(Throwable error) throws E {
        throw (E) error;
    }
}
