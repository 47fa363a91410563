package ai.spice.secrets.testkit.junit;

import ai.spice.secrets.testkit.SecretsEmulator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running emulator and the tests that are in it. A test that enters when no other test is in starts from an
 * empty fault plan and request journal; one that enters while others are in leaves theirs alone, so that no
 * running test sees its faults or its journal vanish. Thread-safe; closing it closes the emulator.
 */
final class EmulatorSession implements AutoCloseable {

    private final SecretsEmulator emulator;
    private final ReentrantLock lock = new ReentrantLock();
    private int running;

    EmulatorSession(SecretsEmulator emulator) {
        this.emulator = emulator;
    }

    SecretsEmulator emulator() {
        return emulator;
    }

    /** A test enters; it leaves by closing what this returns (once: a second close does nothing). */
    Occupancy enter() {
        lock.lock();
        try {
            if (running++ == 0) {
                emulator.faults().clear();
                emulator.clearRequests();
            }
        } finally {
            lock.unlock();
        }
        return new Occupancy();
    }

    int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        emulator.close();
    }

    /** One test's stay in the session; JUnit closes it with the test's store. */
    final class Occupancy implements AutoCloseable {

        private final AtomicBoolean left = new AtomicBoolean();

        @Override
        public void close() {
            if (left.compareAndSet(false, true)) {
                lock.lock();
                try {
                    running--;
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
