package ai.spice.secrets.internal.http;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of the {@code HttpClient} the SDK builds for itself (one given to {@code httpClient(...)} keeps its
 * own). While the client has at most {@value #INLINE_MAX} exchanges in flight ({@link #exchangeStarted()},
 * {@link #exchangeEnded()}), a task handed over by the client's selector thread, the one thread that reads every
 * answer, runs right there: parsing the status line and headers, passing the body on and completing the exchange,
 * all of it non-blocking JDK code and the SDK's non-blocking body subscriber. Under more load (a bulk run, many
 * callers at once) those tasks go to a cached pool of daemon threads, as with the JDK's default executor, so that the
 * one selector thread never works through a burst of answers alone; so does any task of another thread, such as the
 * start of an exchange (which may resolve a host name and connect), so an asynchronous caller's thread never does
 * that work.
 *
 * <p>With the JDK's default, every answer was handed from the selector thread to a pool thread: a thread hop per
 * call that cost a small call on the loopback about a third of its time (docs/PERFORMANCE.md). Read there during a
 * bulk run of 16 at a time, the answers made the run's first seconds up to a quarter slower, hence the bound. What
 * the caller chains on an asynchronous call still never runs on the selector thread: the JDK completes
 * {@code sendAsync}'s future on {@code CompletableFuture}'s default executor whatever the client's executor is. The
 * selector thread is known by the name the JDK gives it ({@link #SELECTOR_SUFFIX}); under a JDK that names it
 * otherwise, every task goes to the pool, which is the JDK's default behaviour.
 *
 * <p>What it gives up: the JDK hands the selector thread's tasks to a pool so that nothing slow ever runs there. Here
 * the rare slow one may run on it, for instance a request the JDK resends on a new connection after the server closed
 * an idle one (which may resolve the host name) or a TLS handshake's certificate checks, and this client's other
 * exchange, if it has one in flight, waits for that time; every {@code SecretsClient} has an {@code HttpClient} of
 * its own, so no other client waits. An application that prefers the JDK's default gives its own client to
 * {@code httpClient(...)}. Thread-safe.
 */
public final class ExchangeExecutor implements Executor {

    /** How the name the JDK gives an {@code HttpClient}'s selector thread ends: {@code HttpClient-1-SelectorManager}. */
    public static final String SELECTOR_SUFFIX = "-SelectorManager";
    /** Answers read on the selector thread while at most this many exchanges are in flight: a caller or two. */
    static final int INLINE_MAX = 2;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final ThreadPoolExecutor pool;
    private final AtomicInteger inFlight = new AtomicInteger();

    public ExchangeExecutor() {
        int client = CLIENTS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "spiceai-secrets-http-" + client + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // What Executors.newCachedThreadPool makes (the JDK's default for an HttpClient), with daemon threads: an
        // idle thread ends after a minute, so a client left unclosed holds no thread for long.
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }

    /** An exchange is handed to the client: call {@link #exchangeEnded()} exactly once when its answer is in. */
    public void exchangeStarted() {
        inFlight.incrementAndGet();
    }

    public void exchangeEnded() {
        inFlight.decrementAndGet();
    }

    @Override
    public void execute(Runnable task) {
        if (inFlight.get() <= INLINE_MAX && Thread.currentThread().getName().endsWith(SELECTOR_SUFFIX)) {
            task.run();
        } else {
            pool.execute(task);
        }
    }

    @Override
    public String toString() {
        return "ExchangeExecutor[" + inFlight.get() + " exchanges in flight, " + pool.getPoolSize() + " pool threads]";
    }
}
