package ai.spice.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.testkit.SecretsEmulator;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 virtual threads each make a synchronous {@code get} against the emulator; none may pin its carrier (JFR's
 * {@code jdk.VirtualThreadPinned}) and all must finish (no deadlock). Runs on a JDK 21+ (the build's
 * {@code virtual-threads} test run uses the machine's JDK 25); on an older JDK it is skipped with the reason printed.
 * Compiled for Java 17, so the JDK 21 APIs are reached by reflection.
 */
class VirtualThreadsTest {

    @RegisterExtension
    static final Figures figures = Figures.lineByLine();

    private static final int THREADS = 10_000;
    /**
     * Calls in flight at once. Each concurrent HTTP/1.1 call holds a client and a server socket in this one JVM, and
     * the machine allows 20,000 open files per process: all 10,000 threads exist and wait at once, but at most this
     * many are inside a call.
     */
    private static final int IN_FLIGHT = 500;

    @Test
    void tenThousandVirtualThreadsCallWithoutPinningOrDeadlock() throws Exception {
        int feature = Runtime.version().feature();
        if (feature < 21) {
            String reason = "skipped: virtual threads need JDK 21+, this run is on JDK " + feature
                    + " and no JDK 21+ was found for the virtual-threads test run";
            figures.report("%s", reason);
            Assumptions.abort(reason);
        }
        try (SecretsEmulator emulator = SecretsEmulator.start();
             SecretsClient client = SecretsClient.builder().baseUrl(emulator.baseUrl())
                     .token(emulator.issueToken("secrets:read", "secrets:write")).build()) {
            long appId = emulator.createApp("vthreads");
            client.upsert(appId, "DB_URL", "postgres://db");
            client.get(appId, "DB_URL"); // warm up: class loading and initialization happen once, outside the recording

            List<String> pinned = new CopyOnWriteArrayList<>();
            AtomicInteger completed = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Semaphore window = new Semaphore(IN_FLIGHT);
            long started = System.nanoTime();
            try (RecordingStream recording = new RecordingStream()) {
                recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
                recording.onEvent("jdk.VirtualThreadPinned", event -> pinned.add(describe(event)));
                recording.startAsync();

                ExecutorService threads = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
                // The control: a virtual thread that parks inside a class initializer pins on every JDK, so the
                // recording must see it; this shows the check below can fail.
                threads.submit(() -> Pinner.VALUE).get(30, TimeUnit.SECONDS);
                for (int i = 0; i < THREADS; i++) {
                    threads.execute(() -> {
                        try {
                            window.acquire();
                            try {
                                // no AssertJ in here: its first use loads classes, and class loading pins
                                if (client.get(appId, "DB_URL").name().equals("DB_URL")) {
                                    completed.incrementAndGet();
                                }
                            } finally {
                                window.release();
                            }
                        } catch (Throwable e) {
                            failed.incrementAndGet();
                        }
                    });
                }
                threads.shutdown();
                assertThat(threads.awaitTermination(120, TimeUnit.SECONDS)).as("all virtual threads finished: no deadlock").isTrue();
                stop(recording);
            }
            figures.report("virtual threads: %d gets on JDK %d in %d ms, %d failed, %d pinning events (besides the control)", completed.get(),
                    feature, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), failed.get(),
                    pinned.stream().filter(stack -> !stack.contains("Pinner")).count());
            assertThat(failed.get()).isZero();
            assertThat(completed.get()).isEqualTo(THREADS);
            assertThat(pinned).as("the deliberate pin of the control was seen").anyMatch(stack -> stack.contains("Pinner"));
            assertThat(pinned).as("virtual threads pinned while parked in the SDK").allMatch(stack -> stack.contains("Pinner"));
        }
    }

    /** Parks for 50 ms while initializing: a known pin. */
    private static final class Pinner {
        static final int VALUE = park();

        private static int park() {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            return 1;
        }
    }

    /** RecordingStream.stop() (JDK 20+) flushes and delivers every recorded event before returning. */
    private static void stop(RecordingStream recording) throws Exception {
        Method stop = RecordingStream.class.getMethod("stop");
        stop.invoke(recording);
    }

    private static String describe(RecordedEvent event) {
        return event.getStackTrace() == null ? event.toString() : event.getStackTrace().getFrames().stream().limit(20)
                .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
                .reduce((a, b) -> a + " <- " + b).orElse("?");
    }
}
