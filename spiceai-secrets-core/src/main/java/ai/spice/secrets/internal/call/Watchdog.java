package ai.spice.secrets.internal.call;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The deadlines of the attempts that wait on their callers' threads ({@link BlockingAttempt}), kept by one daemon
 * thread for the whole JVM, started at the first such attempt. Watching an attempt costs two set operations and, as
 * long as nothing times out, no wake-up: the thread sleeps until the earliest deadline it knows of, or for a second
 * when it knows of none while attempts keep coming, and a new attempt wakes it only if it is due before then. After a
 * minute without any attempt it sleeps until the next one. (It replaced a {@code CompletableFuture.orTimeout} per
 * call, which queued a timer task, and woke the JDK's timer thread, on every call.) Thread-safe.
 */
final class Watchdog {

    /** One per JVM, as the JDK's own {@code CompletableFuture} timer is: it holds nothing of any client. */
    private static final Watchdog SHARED = new Watchdog();

    private static final int SCANNING = 0;
    private static final int SLEEPING = 1;
    private static final int IDLE = 2;
    /** How long the thread sleeps when it knows of no deadline but attempts were made since it last looked. */
    private static final long TICK_NANOS = 1_000_000_000L;
    /** Ticks without any attempt before it sleeps until the next one. */
    private static final int TICKS_BEFORE_IDLE = 60;

    private final Set<BlockingAttempt> watched = ConcurrentHashMap.newKeySet();
    /** What the thread is doing: a new attempt must wake it unless it sleeps until no later than the attempt's deadline. */
    private volatile int state = SCANNING;
    /** While {@link #SLEEPING}: until when ({@code System.nanoTime}). */
    private volatile long wakeAt;
    /** Set by every attempt, cleared by the thread: whether attempts are still being made. */
    private volatile boolean active;
    private final Thread thread;

    private Watchdog() {
        thread = new Thread(this::run, "spiceai-secrets-watchdog");
        thread.setDaemon(true);
    }

    /** Times {@code attempt} out at its deadline, unless {@link #unwatch} comes first. */
    static void watch(BlockingAttempt attempt) {
        SHARED.add(attempt);
    }

    static void unwatch(BlockingAttempt attempt) {
        SHARED.watched.remove(attempt);
    }

    private void add(BlockingAttempt attempt) {
        watched.add(attempt);
        if (!active) {
            active = true;
        }
        // Read after the add: a scan that this read sees as not yet begun will find the attempt in the set.
        if (state != SLEEPING || attempt.deadline() - wakeAt < 0) {
            if (thread.getState() == Thread.State.NEW) {
                start();
            }
            LockSupport.unpark(thread);
        }
    }

    private void start() {
        try {
            thread.start();
        } catch (IllegalThreadStateException alreadyStarted) {
            // another caller started it first
        }
    }

    private void run() {
        int idleTicks = 0;
        while (true) {
            state = SCANNING;
            long now = System.nanoTime();
            long next = now + TICK_NANOS;
            boolean any = false;
            for (BlockingAttempt attempt : watched) {
                long deadline = attempt.deadline();
                if (deadline - now <= 0) {
                    watched.remove(attempt);
                    attempt.timeOut();
                } else if (deadline - next < 0) {
                    next = deadline;
                }
                any = true;
            }
            if (active || any) {
                active = false;
                idleTicks = 0;
            } else {
                idleTicks++;
            }
            if (idleTicks < TICKS_BEFORE_IDLE) {
                wakeAt = next;
                state = SLEEPING;
                LockSupport.parkNanos(this, next - System.nanoTime());
            } else {
                state = IDLE;
                LockSupport.park(this);
                idleTicks = 0;
            }
        }
    }
}
