package ai.spice.secrets.testkit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's apps and their secrets. Values are sealed before they are stored and opened only by
 * {@link #reveal}. Thread-safe: concurrent maps, and each upsert is one atomic {@code compute}.
 */
public final class SecretStore {

    private final Clock clock;
    private final ValueCipher cipher = new ValueCipher();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, App> apps = new ConcurrentHashMap<>();

    private record App(long id, String name, Map<String, StoredSecret> secrets) {}

    /**
     * Creates an empty store.
     *
     * @param clock the source of {@code created_at} and {@code updated_at}
     */
    public SecretStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates an app.
     *
     * @param name a display name
     * @return the new app's id, positive and unique across apps and secrets
     */
    public long createApp(String name) {
        long id = ids.incrementAndGet();
        apps.put(id, new App(id, Objects.requireNonNull(name, "name"), new ConcurrentHashMap<>()));
        return id;
    }

    /**
     * @param appId an app id
     * @return whether the app exists
     */
    public boolean appExists(long appId) {
        return apps.containsKey(appId);
    }

    List<StoredSecret> list(long appId) {
        return secrets(appId).values().stream().sorted(Comparator.comparing(StoredSecret::name)).toList();
    }

    Optional<StoredSecret> find(long appId, String name) {
        return Optional.ofNullable(secrets(appId).get(name));
    }

    /**
     * Creates a secret or replaces the value of the one with that name, keeping its id and creation time.
     *
     * @param appId an existing app's id
     * @param name  the secret name
     * @param value the plaintext value
     * @return the stored secret
     * @throws IllegalArgumentException if the app does not exist
     */
    StoredSecret upsert(long appId, String name, String value) {
        App app = apps.get(appId);
        if (app == null) {
            throw new IllegalArgumentException("no app with id " + appId);
        }
        // Seal outside compute: a 5 MB value should not hold the map's bin lock while it is encrypted.
        ValueCipher.Sealed sealed = cipher.seal(value, owner(appId, name));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return app.secrets().compute(name, (key, old) -> old == null
                ? new StoredSecret(ids.incrementAndGet(), name, sealed, now, now)
                : new StoredSecret(old.id(), name, sealed, old.createdAt(), later(now, old.updatedAt())));
    }

    /**
     * Stores a secret from test code, as an upsert over the API would.
     *
     * @param appId an existing app's id
     * @param name  the secret name
     * @param value the plaintext value
     * @return the secret's id
     * @throws IllegalArgumentException if the app does not exist
     */
    public long put(long appId, String name, String value) {
        return upsert(appId, name, value).id();
    }

    boolean delete(long appId, String name) {
        App app = apps.get(appId);
        return app != null && app.secrets().remove(name) != null;
    }

    /**
     * @param appId an app id
     * @param name  a secret name
     * @return the decrypted value, or empty when there is no such app or secret
     */
    public Optional<String> reveal(long appId, String name) {
        return find(appId, name).map(secret -> cipher.open(secret.value(), owner(appId, name)));
    }

    /**
     * @param appId an app id
     * @return the app's secret names in order, empty for an unknown app
     */
    public List<String> names(long appId) {
        return secrets(appId).keySet().stream().sorted().toList();
    }

    /** The bytes actually held in memory for a value (IV excluded); for tests that check it is not plaintext. */
    Optional<byte[]> ciphertext(long appId, String name) {
        return find(appId, name).map(secret -> secret.value().ciphertext().clone());
    }

    private Map<String, StoredSecret> secrets(long appId) {
        App app = apps.get(appId);
        return app == null ? Map.of() : app.secrets();
    }

    private static String owner(long appId, String name) {
        return appId + "/" + name;
    }

    /** An update always moves updated_at forward, even when the clock has not moved since the last write. */
    private static Instant later(Instant now, Instant previous) {
        return now.isAfter(previous) ? now : previous.plusMillis(1);
    }
}
