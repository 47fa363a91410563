package ai.spice.secrets.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.TestTimes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExchangeExecutorTest {

    private final ExchangeExecutor executor = new ExchangeExecutor();

    @Test
    void aTaskTheSelectorThreadHandsOverRunsOnIt() throws Exception {
        HandOver handOver = handOverFrom("HttpClient-9-SelectorManager");
        assertThat(handOver.ran()).isSameAs(handOver.from());
    }

    @Test
    void anyOtherThreadsTaskRunsOnAPoolThreadNotOnTheCaller() throws Exception {
        HandOver handOver = handOverFrom("an application thread");
        assertThat(handOver.ran()).isNotSameAs(handOver.from());
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
