package ai.spice.secrets.internal.call;

import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceServiceException;
import ai.spice.secrets.internal.http.ApiRequest;
import ai.spice.secrets.internal.http.ErrorMapper;
import ai.spice.secrets.internal.http.RawResponse;
import ai.spice.secrets.internal.http.ServerHint;
import ai.spice.secrets.internal.http.TransportFailure;
import ai.spice.secrets.internal.retry.RetryRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * How one attempt's exchange ended, the first of the three steps that handle an attempt (classify, decide, act):
 * answered (a readable 2xx), rejected (an error status), failed (no usable answer) or cancelled.
 */
sealed interface Exchange<T> {

    /** A 2xx, read. */
    record Answered<T>(T value) implements Exchange<T> {
    }

    /**
     * An error status.
     *
     * @param hint          how long the server asked to wait, parsed once for the exception and the retry delay
     * @param missingSecret a 404 about the secret, not the app
     */
    record Rejected<T>(SpiceServiceException failure, Optional<Duration> hint, boolean missingSecret)
            implements Exchange<T> {
    }

    /**
     * No usable answer: the transport failed, or a 2xx could not be read.
     *
     * @param answerLost the request left and its answer was lost, so the server may have carried it out
     */
    record Failed<T>(SpiceException failure, boolean answerLost) implements Exchange<T> {
    }

    /** The call was cancelled (or closed) while this attempt ran. */
    record Cancelled<T>(Throwable cause) implements Exchange<T> {
    }

    /**
     * Classifies what the transport gave: a response, or the error it failed with.
     *
     * @param sent whether the request was handed to the transport (a token was had and could be carried)
     */
    static <T> Exchange<T> of(RawResponse response, Throwable error, boolean sent, ApiRequest request, Reply<T> reply,
                              Instant now) {
        return of(response, error, sent, request, reply, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** As above, reading the clock only for an error status (a {@code Retry-After} date), not for every answer. */
    static <T> Exchange<T> of(RawResponse response, Throwable error, boolean sent, ApiRequest request, Reply<T> reply,
                              Clock clock) {
        if (error != null) {
            Throwable cause = TransportFailure.unwrap(error);
            if (cause instanceof CancellationException) {
                return new Cancelled<>(cause);
            }
            SpiceException failure = TransportFailure.toSpiceException(cause, request.toString());
            return new Failed<>(failure, sent && RetryRules.mayHaveBeenApplied(failure));
        }
        if (response.isSuccess()) {
            try {
                return new Answered<>(reply.read(response.body(), request.toString()));
            } catch (SpiceException unreadable) {
                return new Failed<>(unreadable, false);
            }
        }
        Optional<Duration> hint = ServerHint.from(response.headers(), clock.instant());
        SpiceServiceException failure = ErrorMapper.map(response, request.method(), request.path(),
                request.operation().requiredScope(), hint);
        return new Rejected<>(failure, hint, ErrorMapper.isMissingSecret(failure));
    }
}
