package ai.spice.secrets.benchmarks.interleaved;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated by this JVM's threads so far, as JMH's {@code -prof gc} counts them on JDK 17: each live thread's
 * allocation counter ({@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}), summed. A thread that ends
 * between two readings takes what it allocated since the first with it; so does the thread the JDK starts per answer
 * for a {@code sendAsync} on a machine with one common-pool thread, which makes the asynchronous clients' figures
 * lower bounds. The calling thread, the HTTP clients' selector and worker threads, and everything they allocate for
 * a synchronous call are counted.
 */
final class AllocationCounter {

    static final String NOTE = "the sum of every live thread's allocation counter (ThreadMXBean.getThreadAllocatedBytes),"
            + " differenced per thread; threads that end within a batch are not counted, so the asynchronous clients'"
            + " figures are lower bounds";

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Per thread, what it had allocated at the last reading. */
    private final Map<Long, Long> seen = new HashMap<>();
    private long total;
    private final long overhead;

    AllocationCounter() {
        if (!threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not count allocation per thread");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        long[] samples = new long[64];
        for (int i = 0; i < samples.length; i++) {
            long before = total();
            samples[i] = total() - before;
        }
        java.util.Arrays.sort(samples);
        overhead = samples[samples.length / 2];
    }

    /**
     * Bytes allocated so far: the last total plus, per live thread, what it allocated since it was last read (all it
     * allocated, for a thread not seen before).
     */
    long total() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                Long last = seen.put(ids[i], bytes[i]);
                total += bytes[i] - (last == null ? 0 : last);
            }
        }
        seen.keySet().retainAll(java.util.Arrays.stream(ids).boxed().collect(java.util.stream.Collectors.toSet()));
        return total;
    }

    /** What one reading itself allocates, to take off a batch's figure. */
    long overhead() {
        return overhead;
    }
}
