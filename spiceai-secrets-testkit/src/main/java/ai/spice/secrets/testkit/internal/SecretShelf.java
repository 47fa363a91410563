package ai.spice.secrets.testkit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The secrets of one owner (an app, or an organization): values sealed before they are kept and opened only by
 * {@link #reveal}; an upsert keeps the id and {@code created_at} and always moves {@code updated_at}. Thread-safe:
 * each upsert is one atomic {@code compute}.
 */
final class SecretShelf {

    private final String owner;
    private final ValueCipher cipher;
    private final Clock clock;
    private final AtomicLong ids;
    private final Map<String, StoredSecret> secrets = new ConcurrentHashMap<>();

    /**
     * @param owner  binds each sealed value to its owner and name, so that it opens nowhere else
     * @param ids    the id sequence, shared with the owner's siblings
     */
    SecretShelf(String owner, ValueCipher cipher, Clock clock, AtomicLong ids) {
        this.owner = owner;
        this.cipher = cipher;
        this.clock = clock;
        this.ids = ids;
    }

    StoredSecret upsert(String name, String value) {
        // Seal outside compute: a large value should not hold the map's bin lock while it is encrypted.
        ValueCipher.Sealed sealed = cipher.seal(value, owner + "/" + name);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return secrets.compute(name, (key, old) -> old == null
                ? new StoredSecret(ids.incrementAndGet(), name, sealed, now, now)
                : new StoredSecret(old.id(), name, sealed, old.createdAt(), later(now, old.updatedAt())));
    }

    Optional<StoredSecret> find(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    boolean delete(String name) {
        return secrets.remove(name) != null;
    }

    List<StoredSecret> list() {
        return secrets.values().stream().sorted(Comparator.comparing(StoredSecret::name)).toList();
    }

    List<String> names() {
        return secrets.keySet().stream().sorted().toList();
    }

    Optional<String> reveal(String name) {
        return find(name).map(secret -> cipher.open(secret.value(), owner + "/" + name));
    }

    /** An update always moves updated_at forward, even when the clock has not moved since the last write. */
    private static Instant later(Instant now, Instant previous) {
        return now.isAfter(previous) ? now : previous.plusMillis(1);
    }
}
