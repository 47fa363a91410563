package ai.spice.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.errors.SpiceException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What a row of the fault matrix ({@link RetryHttpTest}) expects of a run: how the call ends, after how many SDK
 * attempts and server requests, and the wait asked for before each retry. {@code figure} names the count the row adds
 * to in the matrix's figures.
 */
record FaultExpectation(String figure, Outcome outcome, int attempts, int requests, Wait waits) {

    /** Checks every column against the run; what the call ends in first. */
    void check(Op op, FaultRun run) {
        outcome.check(op, run, attempts);
        assertThat(run.attempts()).extracting(AttemptCompleted::attempt)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, attempts).boxed().toList());
        assertThat(run.attempts().get(attempts - 1).willRetry()).isFalse();
        assertThat(run.delays()).hasSize(attempts - 1);
        for (int retry = 1; retry < attempts; retry++) {
            Duration delay = run.delays().get(retry - 1);
            assertThat(waits.allows(retry, delay)).as("retry %d waits %s", retry, delay).isTrue();
            assertThat(run.attempts().get(retry - 1).retryDelay()).contains(delay);
        }
        assertThat(run.requests()).as("requests the server saw").isEqualTo(requests);
    }

    @Override
    public String toString() {
        return "-> " + outcome + " after " + attempts + " attempts, " + requests + " requests, waits " + waits;
    }

    static Outcome goodAnswer() {
        return new GoodAnswer();
    }

    static Outcome returns(Object value) {
        return new Returns(value);
    }

    static Throws fails(Class<? extends SpiceException> type) {
        return new Throws(type, Optional.empty(), "", type);
    }

    /** The wait the client asks for before retry {@code n} (1-based), with the default policy and no jitter. */
    enum Wait {
        NONE, BACKOFF, ONE_SECOND, ABOUT_30_SECONDS;

        boolean allows(int retry, Duration delay) {
            return switch (this) {
                case NONE -> false;
                case BACKOFF -> delay.equals(Duration.ofMillis(500L << (retry - 1)));
                case ONE_SECOND -> delay.equals(Duration.ofSeconds(1));
                // an HTTP date has whole seconds, so the wait is 29 to 30 s when the stub was just made
                case ABOUT_30_SECONDS -> delay.compareTo(Duration.ofSeconds(25)) > 0 && delay.compareTo(Duration.ofSeconds(30)) <= 0;
            };
        }
    }

    /** What a call ends in, checked against a run. */
    sealed interface Outcome permits Returns, GoodAnswer, Throws {
        void check(Op op, FaultRun run, int attempts);
    }

    /** The call returns this value. */
    record Returns(Object value) implements Outcome {
        @Override
        public void check(Op op, FaultRun run, int attempts) {
            assertThat(run.outcome()).isEqualTo(value);
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /** The call returns what the operation makes of its good answer ({@link Op#answer}). */
    record GoodAnswer() implements Outcome {
        @Override
        public void check(Op op, FaultRun run, int attempts) {
            assertThat(run.outcome()).isEqualTo(op.answer);
        }

        @Override
        public String toString() {
            return "the good answer";
        }
    }

    /**
     * The call throws exactly {@code type}, naming the method and path (and {@code saying}), with the failure of every
     * earlier attempt, exactly {@code earlier} (the same type unless said), suppressed; each attempt's event names its
     * failure's type.
     */
    record Throws(Class<? extends SpiceException> type, Optional<Class<? extends Throwable>> cause, String saying,
                  Class<? extends SpiceException> earlier) implements Outcome {

        Throws causedBy(Class<? extends Throwable> causeType, String message) {
            return new Throws(type, Optional.of(causeType), message, earlier);
        }

        Throws after(Class<? extends SpiceException> earlierType) {
            return new Throws(type, cause, saying, earlierType);
        }

        @Override
        public void check(Op op, FaultRun run, int attempts) {
            assertThat(run.outcome()).isExactlyInstanceOf(type);
            Throwable failure = (Throwable) run.outcome();
            assertThat(failure).hasMessageContaining(op.method + " " + op.path).hasMessageContaining(saying);
            cause.ifPresent(expected -> assertThat(failure).hasCauseInstanceOf(expected));
            assertThat(failure.getSuppressed()).hasSize(attempts - 1)
                    .allSatisfy(suppressed -> assertThat(suppressed).isExactlyInstanceOf(earlier));
            assertThat(run.attempts().subList(0, attempts - 1))
                    .allSatisfy(attempt -> assertThat(attempt.failure()).contains(earlier.getSimpleName()));
            assertThat(run.attempts().get(attempts - 1).failure()).contains(type.getSimpleName());
        }

        @Override
        public String toString() {
            return type == earlier ? type.getSimpleName() : type.getSimpleName() + " after " + earlier.getSimpleName();
        }
    }
}
