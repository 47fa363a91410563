package ai.spice.secrets.testkit.internal;

import java.time.Clock;
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

    private record App(StoredApp info, SecretShelf secrets) {}

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
     * @param org  the id of the organization it belongs to
     * @param name a display name
     * @return the new app's id, positive and unique across apps and secrets
     */
    public long createApp(long org, String name) {
        long id = ids.incrementAndGet();
        StoredApp info = new StoredApp(id, org, Objects.requireNonNull(name, "name"),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        apps.put(id, new App(info, new SecretShelf(Long.toString(id), cipher, clock, ids)));
        return id;
    }

    /**
     * @param appId an app id
     * @return the app, or empty when there is none
     */
    public Optional<StoredApp> app(long appId) {
        return Optional.ofNullable(apps.get(appId)).map(App::info);
    }

    /**
     * @param org an organization id
     * @return its apps, in the order they were created
     */
    public List<StoredApp> apps(long org) {
        return apps.values().stream().map(App::info).filter(app -> app.org() == org)
                .sorted(Comparator.comparingLong(StoredApp::id)).toList();
    }

    List<StoredSecret> list(long appId) {
        return shelf(appId).map(SecretShelf::list).orElse(List.of());
    }

    Optional<StoredSecret> find(long appId, String name) {
        return shelf(appId).flatMap(shelf -> shelf.find(name));
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
        return shelf(appId).orElseThrow(() -> new IllegalArgumentException("no app with id " + appId))
                .upsert(name, value);
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
        return shelf(appId).map(shelf -> shelf.delete(name)).orElse(false);
    }

    /**
     * @param appId an app id
     * @param name  a secret name
     * @return the decrypted value, or empty when there is no such app or secret
     */
    public Optional<String> reveal(long appId, String name) {
        return shelf(appId).flatMap(shelf -> shelf.reveal(name));
    }

    /**
     * @param appId an app id
     * @return the app's secret names in order, empty for an unknown app
     */
    public List<String> names(long appId) {
        return shelf(appId).map(SecretShelf::names).orElse(List.of());
    }

    /** The bytes actually held in memory for a value (IV excluded); for tests that check it is not plaintext. */
    Optional<byte[]> ciphertext(long appId, String name) {
        return find(appId, name).map(secret -> secret.value().ciphertext().clone());
    }

    private Optional<SecretShelf> shelf(long appId) {
        return Optional.ofNullable(apps.get(appId)).map(App::secrets);
    }
}
