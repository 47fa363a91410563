package ai.spice.secrets.internal.http;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of the {@code HttpClient} the SDK builds for itself (one given to {@code httpClient(...)} keeps its
 * own). A task handed over by the client's selector thread, the one thread that reads every answer, runs right there:
 * parsing the status line and headers, passing the body on and completing the exchange, all of it non-blocking JDK
 * code and the SDK's non-blocking body subscriber. Any other task, such as the start of an exchange (which may
 * resolve a host name and connect), goes to a cached pool of daemon threads, as with the JDK's default executor, so
 * an asynchronous caller's thread never does that work.
 *
 * <p>With the JDK's default, every answer was handed from the selector thread to a pool thread: a thread hop per
 * call that cost a small call on the loopback about a third of its time (docs/PERFORMANCE.md). What the caller chains
 * on an asynchronous call still never runs on the selector thread: the JDK completes {@code sendAsync}'s future on
 * {@code CompletableFuture}'s default executor whatever the client's executor is. The selector thread is known by the
 * name the JDK gives it; under a JDK that names it otherwise, every task goes to the pool, which is the JDK's
 * default behaviour.
 *
 * <p>What it gives up: the JDK hands the selector thread's tasks to a pool so that nothing slow ever runs there. Here
 * the rare slow one runs on it, for instance a request the JDK resends on a new connection after the server closed an
 * idle one (which may resolve the host name) or a TLS handshake's certificate checks, and this client's other
 * exchanges wait for that time; every {@code SecretsClient} has an {@code HttpClient} of its own, so no other client
 * waits. An application that prefers the JDK's default gives its own client to {@code httpClient(...)}. Thread-safe.
 */
public final class ExchangeExecutor implements Executor {

    /** The suffix of the name the JDK gives an {@code HttpClient}'s selector thread ({@code HttpClient-1-SelectorManager}). */
    static final String SELECTOR_SUFFIX = "-SelectorManager";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final ThreadPoolExecutor pool;

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

    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread().getName().endsWith(SELECTOR_SUFFIX)) {
            task.run();
        } else {
            pool.execute(task);
        }
    }

    @Override
    public String toString() {
        return "ExchangeExecutor[" + pool.getPoolSize() + " pool threads]";
    }
}
