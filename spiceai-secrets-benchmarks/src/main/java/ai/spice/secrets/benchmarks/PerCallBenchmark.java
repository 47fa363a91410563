package ai.spice.secrets.benchmarks;

import ai.spice.secrets.benchmarks.server.Endpoint;
import ai.spice.secrets.benchmarks.server.ServerKind;
import ai.spice.secrets.benchmarks.server.ServerProcess;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One synchronous call at a time, per client and per server: the time of a call and (with {@code -prof gc}) the
 * bytes it allocates. The server runs in a process of its own, so the allocation counted is the client's alone.
 * Each (client, server) pair runs in a fresh fork, so no client's JIT profile colours another's. The warm-up is long
 * (30 s): on a busy 2-core machine a fork's JIT takes 20 to 30 s of calls to settle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 30, time = 1)
@Measurement(iterations = 10, time = 1)
public class PerCallBenchmark {

    @Param({"sdk", "floor", "peer", "floor_async", "sdk_async"})
    public String client;

    @Param({"canned", "emulator"})
    public String server;

    private ServerProcess process;
    private Driver driver;
    private long smallApp;
    private long largeApp;

    @Setup(Level.Trial)
    public void start() {
        process = ServerProcess.start(ServerKind.valueOf(server.toUpperCase(Locale.ROOT)));
        open(process.endpoint());
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** Connects {@link #client} to a server already running; the smoke test shares one server between clients. */
    void open(Endpoint endpoint) {
        smallApp = endpoint.smallApp();
        largeApp = endpoint.largeApp();
        driver = Driver.of(ClientKind.valueOf(client.toUpperCase(Locale.ROOT)), endpoint);
        check();
    }

    /** Fails the trial at once if a client does not get what the benchmark assumes. */
    private void check() {
        if (driver.size(driver.list(smallApp)) != Endpoint.SMALL_LIST
                || driver.size(driver.list(largeApp)) != Endpoint.LARGE_LIST) {
            throw new IllegalStateException(client + " did not list the seeded secrets from the " + server + " server");
        }
        driver.get(smallApp, Endpoint.GET_NAME);
        driver.upsert(smallApp, Endpoint.UPSERT_NAME, Endpoint.UPSERT_VALUE);
    }

    @Benchmark
    public Object get() {
        return driver.get(smallApp, Endpoint.GET_NAME);
    }

    @Benchmark
    public Object list10() {
        return driver.list(smallApp);
    }

    @Benchmark
    public Object list1000() {
        return driver.list(largeApp);
    }

    @Benchmark
    public Object upsert() {
        return driver.upsert(smallApp, Endpoint.UPSERT_NAME, Endpoint.UPSERT_VALUE);
    }
}
