package ai.spice.secrets.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pacer's rules step by step, and its behaviour against a model of a fixed-window rate limit in simulated time
 * (no clock is read and nothing sleeps). The real figures, against the emulator, come from the pacing benchmark.
 */
class PacerTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void untilARefusalNothingWaits() {
        Pacer pacer = new Pacer(true);
        for (int i = 0; i < 1_000; i++) {
            pacer.answered(1, i * MS, i * MS + 5 * MS, false, false, -1);
            assertThat(pacer.reserve(1, i * MS)).isZero();
        }
        assertThat(pacer.rate(1)).isInfinite();
    }

    @Test
    void aRefusalSetsTheRateBelowWhatWasAcceptedInTheLastSecondAndWaitsAsAsked() {
        Pacer pacer = new Pacer(true);
        for (int i = 0; i < 100; i++) {
            pacer.answered(1, i * MS, i * MS + 10 * MS, false, false, -1);
        }
        pacer.answered(1, 110 * MS, 120 * MS, true, false, 1 * S);
        assertThat(pacer.rate(1)).isCloseTo(99 * 0.99, within(0.01));
        long interval = (long) (S / (99 * 0.99));
        assertThat(pacer.reserve(1, 130 * MS)).as("after the pause, and one slot held for the refused request's retry")
                .isEqualTo(990 * MS + interval);
        assertThat(pacer.reserve(1, 130 * MS)).as("the next slot, 1/98 s later").isEqualTo(990 * MS + 2 * interval);
        assertThat(pacer.reserve(2, 130 * MS)).as("another app is not paced").isZero();
    }

    @Test
    void refusalsOfRequestsSentBeforeTheDecisionLowerTheRateNoFurther() {
        Pacer pacer = new Pacer(true);
        for (int i = 0; i < 100; i++) {
            pacer.answered(1, i * MS, i * MS + 10 * MS, false, false, -1);
        }
        pacer.answered(1, 100 * MS, 120 * MS, true, false, 1 * S);
        for (int i = 0; i < 7; i++) {
            pacer.answered(1, 101 * MS + i, 121 * MS + i, true, false, 1 * S);
        }
        assertThat(pacer.rate(1)).isCloseTo(99 * 0.99, within(0.01));
    }

    @Test
    void acceptedAnswersHeardAfterTheDecisionToRequestsSentBeforeItCountAsIfHeardInOrder() {
        Pacer pacer = new Pacer(true);
        for (int i = 0; i < 14; i++) {
            pacer.answered(1, i * MS, i * MS + 10 * MS, false, false, -1);
        }
        pacer.answered(1, 19 * MS, 29 * MS, false, true, 500 * MS);
        assertThat(pacer.rate(1)).as("15 heard so far").isCloseTo(14 * 0.99, within(0.01));
        for (int i = 14; i < 19; i++) {
            pacer.answered(1, i * MS, 30 * MS + i * MS, false, false, -1);
        }
        assertThat(pacer.rate(1)).as("all 20 the service took in that second").isCloseTo(19 * 0.99, within(0.01));
        pacer.answered(1, 40 * MS, 60 * MS, false, false, -1);
        assertThat(pacer.rate(1)).as("one sent after the decision raises nothing").isCloseTo(19 * 0.99, within(0.01));
    }

    @Test
    void aRefusalWhileAlreadyPacedSlowsThePaceALittleRatherThanMeasuringASecondSpentWaiting() {
        Pacer pacer = new Pacer(true);
        for (int i = 0; i < 19; i++) {
            pacer.answered(1, i * MS, i * MS + 10 * MS, false, false, -1);
        }
        pacer.answered(1, 19 * MS, 29 * MS, false, true, 971 * MS);
        double paced = pacer.rate(1);
        assertThat(paced).isCloseTo(19 * 0.99, within(0.01));
        for (int i = 0; i < 6; i++) {
            pacer.answered(1, 1_000 * MS + i * 50 * MS, 1_010 * MS + i * 50 * MS, false, false, -1);
        }
        pacer.answered(1, 1_300 * MS, 1_310 * MS, true, false, 690 * MS);
        assertThat(pacer.rate(1)).as("6 accepted in the last second, most of it paused: not a limit of 6")
                .isCloseTo(paced * Pacer.CUT, within(0.01));
        assertThat(pacer.reserve(1, 1_320 * MS)).as("after the pause and the refused request's retry")
                .isEqualTo(680 * MS + (long) (S / (paced * Pacer.CUT)));
    }

    @Test
    void anAcceptedAnswerWithNothingRemainingPacesBeforeAnyRefusal() {
        Pacer pacer = new Pacer(true);
        for (int i = 0; i < 19; i++) {
            pacer.answered(1, i * MS, i * MS + 10 * MS, false, false, -1);
        }
        pacer.answered(1, 19 * MS, 29 * MS, false, true, 500 * MS);
        assertThat(pacer.rate(1)).isCloseTo(19 * 0.99, within(0.01));
        assertThat(pacer.reserve(1, 30 * MS)).isEqualTo(499 * MS);
    }

    @Test
    void theRateHoldsAfterARefusalThenGrowsBackSlowly() {
        Pacer pacer = new Pacer(true);
        for (int i = 0; i < 50; i++) {
            pacer.answered(1, 0, i * MS, false, false, -1);
        }
        pacer.answered(1, 0, 50 * MS, true, false, 0);
        double after = pacer.rate(1);
        pacer.answered(1, 20 * S, 20 * S, false, false, -1);
        assertThat(pacer.rate(1)).as("held").isEqualTo(after);
        pacer.answered(1, 40 * S, 40 * S, false, false, -1);
        double grown = (40 * S - (50 * MS + Pacer.HOLD_SECONDS * S)) / (double) S;
        assertThat(pacer.rate(1)).as("grown for the %.2f s past the hold", grown)
                .isCloseTo(after * (1 + grown * Pacer.GROWTH_PER_SECOND), within(1e-9));
    }

    @Test
    void aRefusalAfterTooFewAnswersSetsNoRateAndOnlyWaitsAsAsked() {
        Pacer pacer = new Pacer(true);
        for (int i = 0; i < Pacer.MIN_MEASURED - 1; i++) {
            pacer.answered(1, i * MS, i * MS + 10 * MS, false, false, -1);
        }
        pacer.answered(1, 50 * MS, 60 * MS, true, false, 2 * S);
        assertThat(pacer.rate(1)).as("others may share the limit: one client's few calls say too little").isInfinite();
        assertThat(pacer.reserve(1, 60 * MS)).isEqualTo(2 * S);
        assertThat(pacer.reserve(1, 2060 * MS)).isZero();
        assertThat(pacer.reserve(1, 2060 * MS)).as("unpaced again once the wait is over").isZero();
    }

    @Test
    void aBulkRunsSlotIsReadyAtOnceUntilARefusalAndThenWaitsOnTheScheduler() {
        Pacer pacer = new Pacer(true);
        java.util.List<java.time.Duration> waits = new java.util.ArrayList<>();
        Scheduler recording = delay -> {
            waits.add(delay);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        };
        assertThat(pacer.slot(1, recording)).isDone();
        assertThat(waits).isEmpty();
        pacer.answered(1, System.nanoTime(), System.nanoTime(), true, false, 30 * S);
        pacer.slot(1, recording);
        assertThat(waits).hasSize(1).allSatisfy(wait -> assertThat(wait).isBetween(java.time.Duration.ofSeconds(29),
                java.time.Duration.ofSeconds(30)));
    }

    @Test
    void aDisabledPacerNeverWaits() {
        Pacer pacer = new Pacer(false);
        pacer.answered(1, 0, 0, true, false, 5 * S);
        assertThat(pacer.reserve(1, 0)).isZero();
    }

    @ParameterizedTest(name = "{0} requests at {1}/s, {2}-way, {3} ms latency")
    @CsvSource({"1000, 100, 8, 10", "400, 20, 8, 10", "1000, 100, 64, 10", "300, 20, 4, 50"})
    void againstAFixedWindowLimitItStaysNearTheIdealTimeWithFewRefusals(int requests, int limit, int concurrency,
                                                                         int latencyMillis) {
        double ideal = (double) requests / limit;
        // Where the run starts in a wall-clock second decides how late X-RateLimit-Reset (whole seconds) ends a pause.
        for (long offset : new long[] {0, 300 * MS, 600 * MS, 900 * MS, 990 * MS}) {
            Simulation run = new Simulation(requests, limit, concurrency, latencyMillis * MS, offset).run(new Pacer(true));
            assertThat(run.seconds()).as("time against the ideal %.1f s, %d ms into a second", ideal, offset / MS)
                    .isLessThanOrEqualTo(ideal * 1.15);
            assertThat(run.refused()).as("refused of %d sent, %d ms into a second", run.sent(), offset / MS)
                    .isLessThanOrEqualTo(run.sent() / 20);
        }
    }

    @Test
    void withoutPacingTheSameRunIsRefusedFarMore() {
        Simulation paced = new Simulation(1000, 100, 8, 10 * MS).run(new Pacer(true));
        Simulation unpaced = new Simulation(1000, 100, 8, 10 * MS).run(new Pacer(false));
        assertThat(unpaced.refused()).isGreaterThan(5 * Math.max(1, paced.refused()));
    }

    /**
     * A bulk run against a fixed-window limit (the emulator's: a window opens with the first request after the last
     * one closed; {@code Retry-After} and {@code X-RateLimit-Reset} in whole seconds, rounded up), in simulated time:
     * each of {@code concurrency} workers takes a slot from the pacer, sends, hears the answer after the latency, and
     * on a 429 waits {@code Retry-After} before trying again, as the client's retry rules do.
     */
    private static final class Simulation {
        private final int requests;
        private final int limit;
        private final int concurrency;
        private final long latency;
        private final long epochOffset;
        private final PriorityQueue<long[]> events = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        private long windowEnd = Long.MIN_VALUE;
        private int used;
        private int started;
        private int done;
        private int sent;
        private int refused;
        private long end;

        Simulation(int requests, int limit, int concurrency, long latency) {
            this(requests, limit, concurrency, latency, 300 * MS);
        }

        /** @param epochOffset how far into a wall-clock second the run starts */
        Simulation(int requests, int limit, int concurrency, long latency, long epochOffset) {
            this.epochOffset = epochOffset;
            this.requests = requests;
            this.limit = limit;
            this.concurrency = concurrency;
            this.latency = latency;
        }

        Simulation run(Pacer pacer) {
            for (int i = 0; i < concurrency && started < requests; i++, started++) {
                events.add(new long[] {0, 0});
            }
            while (!events.isEmpty()) {
                long[] event = events.poll();
                long now = event[0];
                if (event[1] == 0) {          // a worker wants to send
                    long wait = pacer.reserve(1, now);
                    if (wait > 0) {
                        events.add(new long[] {now + wait, 1});
                    } else {
                        send(now, epochOffset, pacer);
                    }
                } else if (event[1] == 1) {   // a paced worker's slot has come
                    send(now, epochOffset, pacer);
                }
            }
            return this;
        }

        private void send(long now, long epochOffset, Pacer pacer) {
            sent++;
            if (now >= windowEnd) {
                windowEnd = now + S;
                used = 0;
            }
            boolean allowed = used < limit;
            if (allowed) {
                used++;
            }
            long resetNanos = ceilSecond(windowEnd + epochOffset) - epochOffset - (now + latency);
            long retryAfter = ceilSecond(windowEnd - now);
            long answeredAt = now + latency;
            if (allowed) {
                pacer.answered(1, now, answeredAt, false, used == limit, Math.max(0, resetNanos));
                done++;
                end = Math.max(end, answeredAt);
                if (started < requests) {
                    started++;
                    events.add(new long[] {answeredAt, 0});
                }
            } else {
                refused++;
                pacer.answered(1, now, answeredAt, true, false, retryAfter);
                // As the SDK does it: the call retries when the service said, without a slot.
                events.add(new long[] {answeredAt + retryAfter, 1});
            }
        }

        private static long ceilSecond(long nanos) {
            return Math.floorDiv(nanos + S - 1, S) * S;
        }

        double seconds() {
            return end / (double) S;
        }

        int refused() {
            return refused;
        }

        int sent() {
            return sent;
        }
    }
}
