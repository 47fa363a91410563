package ai.spice.secrets.internal.call;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.internal.auth.TokenSource;
import ai.spice.secrets.internal.http.RequestFactory;
import ai.spice.secrets.internal.http.Transport;
import java.time.Clock;
import java.util.function.DoubleSupplier;

/**
 * Everything a {@link Call} needs, made once per client by its builder and handed to every call: the call never
 * reaches back into what created it.
 *
 * @param random in [0, 1), spreads backoff delays (a seam: tests pass a constant)
 * @param open   the client's calls in flight, which closing the client ends
 * @param pacer  the client's pace per app once the service says its rate limit is reached
 */
public record CallContext(Transport transport, RequestFactory requests, TokenSource tokens, RetryPolicy policy,
                          Scheduler scheduler, Clock clock, DoubleSupplier random, CallEvents events, OpenCalls open,
                          Pacer pacer) {

    @Override
    public String toString() {
        return "CallContext[" + tokens.describe() + ", " + policy + "]";
    }
}
