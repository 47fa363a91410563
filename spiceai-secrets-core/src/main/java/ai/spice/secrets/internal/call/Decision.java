package ai.spice.secrets.internal.call;

import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsOperation;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceServiceException;
import ai.spice.secrets.internal.retry.RetryRules;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * What a call does after an attempt, the second of the three steps (classify, decide, act). {@link #next} is a pure
 * function of the exchange and the call's state, so it is tested as a table.
 */
sealed interface Decision<T> {

    /** Complete the call with this value. */
    record Succeed<T>(T value) implements Decision<T> {
    }

    /** Complete the call with the value a 404 for the secret stands for; events still report the 404. */
    record Absent<T>(T value, SpiceServiceException notFound) implements Decision<T> {
    }

    /** Fetch a new token and repeat the same attempt, once per call. */
    record RepeatWithNewToken<T>(SpiceServiceException unauthorized) implements Decision<T> {
    }

    /** Try again after {@code delay}. */
    record Retry<T>(SpiceException failure, Duration delay) implements Decision<T> {
    }

    /** Fail the call with this failure (earlier ones attached as suppressed). */
    record Fail<T>(SpiceException failure) implements Decision<T> {
    }

    /** The call was cancelled: end it with the cancellation. */
    record Abandon<T>(Throwable cause) implements Decision<T> {
    }

    /**
     * What the call knows when it decides.
     *
     * @param attempt         the attempt that just ended, from 1
     * @param operation       the operation
     * @param answerLost      an earlier attempt's request left and its answer was lost
     * @param canRefreshToken a new token may help: the source can refresh, this attempt sent one, and no refresh was
     *                        made yet in this call
     */
    record State(int attempt, SecretsOperation operation, boolean answerLost, boolean canRefreshToken) {
    }

    /** Decides; {@code random} (in [0, 1)) spreads a backoff delay and is drawn only for a retryable failure. */
    static <T> Decision<T> next(Exchange<T> exchange, Reply<T> reply, State state, RetryPolicy policy,
                                DoubleSupplier random) {
        if (exchange instanceof Exchange.Cancelled<T> cancelled) {
            return new Abandon<>(cancelled.cause());
        }
        if (exchange instanceof Exchange.Answered<T> answered) {
            return new Succeed<>(answered.value());
        }
        if (exchange instanceof Exchange.Failed<T> failed) {
            return retryOrFail(failed.failure(), java.util.Optional.empty(), state, policy, random);
        }
        Exchange.Rejected<T> rejected = (Exchange.Rejected<T>) exchange;
        if (rejected.missingSecret() && state.answerLost() && state.operation() == SecretsOperation.DELETE) {
            // gone because an earlier attempt deleted it and its answer was lost: that is the delete's success
            return new Succeed<>(reply.read(new byte[0], "DELETE"));
        }
        if (rejected.missingSecret() && reply.answersMissing()) {
            return new Absent<>(reply.whenMissing(), rejected.failure());
        }
        if (rejected.failure().statusCode() == 401 && state.canRefreshToken()) {
            return new RepeatWithNewToken<>(rejected.failure());
        }
        return retryOrFail(rejected.failure(), rejected.hint(), state, policy, random);
    }

    private static <T> Decision<T> retryOrFail(SpiceException failure, java.util.Optional<Duration> hint, State state,
                                               RetryPolicy policy, DoubleSupplier random) {
        if (!RetryRules.isRetryable(failure)) {
            return new Fail<>(failure);
        }
        return RetryRules.next(failure, state.attempt(), policy, hint, random.getAsDouble())
                .<Decision<T>>map(delay -> new Retry<>(failure, delay))
                .orElseGet(() -> new Fail<>(failure));
    }
}
