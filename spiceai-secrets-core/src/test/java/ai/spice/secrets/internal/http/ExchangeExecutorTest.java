package ai.spice.secrets.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.TestTimes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExchangeExecutorTest {

    /** The name the JDK gives an {@code HttpClient}'s selector thread. */
    private static final String SELECTOR = "HttpClient-9" + ExchangeExecutor.SELECTOR_SUFFIX;

    private final ExchangeExecutor executor = new ExchangeExecutor();

    @Test
    void aTaskTheSelectorThreadHandsOverRunsOnIt() throws Exception {
        executor.exchangeStarted();
        assertThat(handOverFrom(SELECTOR).ranOnIt()).isTrue();
    }

    @Test
    void pastTwoExchangesInFlightTheSelectorThreadHandsItsTasksToThePoolAsTheJdkWould() throws Exception {
        for (int i = 0; i < ExchangeExecutor.INLINE_MAX; i++) {
            executor.exchangeStarted();
        }
        assertThat(handOverFrom(SELECTOR).ranOnIt()).as("two in flight: a caller or two").isTrue();
        executor.exchangeStarted();
        HandOver underLoad = handOverFrom(SELECTOR);
        assertThat(underLoad.ranOnIt()).isFalse();
        assertThat(underLoad.ran().getName()).startsWith("spiceai-secrets-http-");
        executor.exchangeEnded();
        assertThat(handOverFrom(SELECTOR).ranOnIt()).as("back to two").isTrue();
    }

    @Test
    void anyOtherThreadsTaskRunsOnAPoolThreadNotOnTheCaller() throws Exception {
        executor.exchangeStarted();
        HandOver handOver = handOverFrom("an application thread");
        assertThat(handOver.ranOnIt()).isFalse();
        assertThat(handOver.ran().getName()).startsWith("spiceai-secrets-http-");
        assertThat(handOver.ran().isDaemon()).as("a pool thread never keeps the JVM alive").isTrue();
    }

    @Test
    void aBlockedPoolTaskDoesNotHoldBackTheNext() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        executor.execute(release::join);
        executor.execute(() -> second.complete(null));
        second.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        release.complete(null);
    }

    /** A task handed to the executor by a thread of the given name, and the thread that ran it. */
    private record HandOver(Thread from, Thread ran) {
        boolean ranOnIt() {
            return ran == from;
        }
    }

    private HandOver handOverFrom(String threadName) throws Exception {
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        Thread from = new Thread(() -> executor.execute(() -> ran.complete(Thread.currentThread())), threadName);
        from.start();
        Thread thread = ran.get(TestTimes.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        from.join();
        return new HandOver(from, thread);
    }
}
