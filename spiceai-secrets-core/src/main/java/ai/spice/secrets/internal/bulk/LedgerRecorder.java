package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.errors.LedgerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records an apply's confirmed writes and deletes in its ledger as they come: each confirmation is queued and a flush
 * starts unless one is running, which then takes whatever queued meanwhile. So a crash loses at most the confirmations
 * of the flush under way (those secrets are then "unknown" or "drifted" next time, never "unchanged"), and a run of a
 * thousand writes costs far fewer than a thousand file replacements. Thread-safe.
 */
final class LedgerRecorder {

    private final Ledger ledger;
    private final LedgerEntry.Place place;
    private final LedgerHmac hmac;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<LedgerEntry> written = new ArrayList<>();
    private final Map<LedgerEntry.Key, Optional<LedgerEntry>> deleted = new LinkedHashMap<>();
    private CompletableFuture<Void> flushing = CompletableFuture.completedFuture(null);
    private boolean running;
    private LedgerException failure;

    LedgerRecorder(Ledger ledger, LedgerEntry.Place place) {
        this.ledger = ledger;
        this.place = place;
        this.hmac = ledger.hmacForWriting();
    }

    /** The API confirmed this write of {@code value}, answering {@code secret}. */
    void written(String name, SecretValue value, Secret secret) {
        LedgerEntry entry = new LedgerEntry(place, name, hmac.ofValue(place, name, value), secret.id(),
                secret.updatedAt());
        queue(() -> written.add(entry));
    }

    /** The API confirmed this delete; {@code known} is the entry the plan read for the secret, if any. */
    void deleted(String name) {
        LedgerEntry.Key key = new LedgerEntry.Key(place, name);
        Optional<LedgerEntry> known = Optional.ofNullable(ledger.entries().get(key));
        queue(() -> deleted.put(key, known));
    }

    /** Completes once everything queued is in the file; fails with the first {@link LedgerException} of a flush. */
    CompletableFuture<Void> finish() {
        CompletableFuture<Void> last;
        lock.lock();
        try {
            last = flushing;
        } finally {
            lock.unlock();
        }
        return last.thenCompose(done -> {
            lock.lock();
            try {
                if (failure != null) {
                    return CompletableFuture.failedFuture(failure);
                }
                if (running || !written.isEmpty() || !deleted.isEmpty()) {
                    startIfIdle();
                    return finish();
                }
                return CompletableFuture.completedFuture(null);
            } finally {
                lock.unlock();
            }
        });
    }

    private void queue(Runnable add) {
        lock.lock();
        try {
            add.run();
            startIfIdle();
        } finally {
            lock.unlock();
        }
    }

    /** Called under the lock. */
    private void startIfIdle() {
        if (running || failure != null) {
            return;
        }
        running = true;
        flushing = CompletableFuture.runAsync(this::flush);
    }

    private void flush() {
        while (true) {
            List<LedgerEntry> writes;
            Map<LedgerEntry.Key, Optional<LedgerEntry>> deletes;
            lock.lock();
            try {
                if (written.isEmpty() && deleted.isEmpty()) {
                    running = false;
                    return;
                }
                writes = List.copyOf(written);
                deletes = new LinkedHashMap<>(deleted);
                written.clear();
                deleted.clear();
            } finally {
                lock.unlock();
            }
            try {
                ledger.commit(writes, deletes);
            } catch (LedgerException e) {
                lock.lock();
                try {
                    failure = e;
                    running = false;
                } finally {
                    lock.unlock();
                }
                return;
            }
        }
    }
}
