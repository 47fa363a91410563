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
import java.util.stream.Stream;

/**
 * Organization secrets and the projects they are linked to, as Spice's portal and tooling show them: defined once
 * per organization, reaching a project only once linked; deleting one unlinks it everywhere. The platform secret
 * {@value #PLATFORM_SECRET} cannot be stored, is never listed for its organization, and can be linked. Thread-safe.
 */
public final class OrgSecretStore {

    /** The platform-managed secret every organization may link but none may create. */
    public static final String PLATFORM_SECRET = "SCP_OPENAI_API_KEY";

    private final Clock clock;
    private final ValueCipher cipher = new ValueCipher();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, SecretShelf> shelves = new ConcurrentHashMap<>();
    private final Map<Long, Links> links = new ConcurrentHashMap<>();

    /**
     * An organization secret as lists show it: a name and two times, never a value.
     *
     * @param name      the name
     * @param createdAt when it was first stored (for the platform secret: when it was linked)
     * @param updatedAt when it was last stored (for the platform secret: when it was linked)
     */
    record Item(String name, Instant createdAt, Instant updatedAt) {}

    /** The links of one project, all to secrets of the project's organization. */
    private record Links(long org, Map<String, Instant> names) {}

    /**
     * Creates an empty store.
     *
     * @param clock the source of the times
     */
    public OrgSecretStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates or updates an organization secret.
     *
     * @param org   the organization id
     * @param name  a valid secret name
     * @param value the plaintext
     * @throws IllegalArgumentException for {@value #PLATFORM_SECRET}, which is reserved
     */
    public void put(long org, String name, String value) {
        if (PLATFORM_SECRET.equals(name)) {
            throw new IllegalArgumentException(PLATFORM_SECRET + " is a platform secret: it can be linked, not stored");
        }
        shelves.computeIfAbsent(org, id -> new SecretShelf("org " + id, cipher, clock, ids)).upsert(name, value);
    }

    /**
     * Deletes an organization secret and unlinks it from every project.
     *
     * @return whether it existed
     */
    public boolean delete(long org, String name) {
        boolean existed = shelf(org).map(shelf -> shelf.delete(name)).orElse(false);
        links.values().stream().filter(project -> project.org() == org)
                .forEach(project -> project.names().remove(name));
        return existed;
    }

    /** @return the organization's secret names in order (never the platform secret) */
    public List<String> names(long org) {
        return shelf(org).map(SecretShelf::names).orElse(List.of());
    }

    /** @return the decrypted value, or empty when there is no such secret (the platform secret has none here) */
    public Optional<String> reveal(long org, String name) {
        return shelf(org).flatMap(shelf -> shelf.reveal(name));
    }

    List<Item> list(long org) {
        return shelf(org).map(shelf -> shelf.list().stream().map(OrgSecretStore::item).toList()).orElse(List.of());
    }

    /**
     * Links an organization secret to a project of the same organization.
     *
     * @return whether the link is new; empty when the organization has no such secret
     */
    public Optional<Boolean> link(StoredApp project, String name) {
        if (!linkable(project.org(), name)) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Links linksOfProject = links.computeIfAbsent(project.id(),
                id -> new Links(project.org(), new ConcurrentHashMap<>()));
        return Optional.of(linksOfProject.names().putIfAbsent(name, now) == null);
    }

    /** @return the secrets linked to the project, by name; a secret deleted meanwhile is no longer linked */
    List<Item> linked(StoredApp project) {
        Links found = links.get(project.id());
        Map<String, Instant> linkedAt = found == null ? Map.of() : Map.copyOf(found.names());
        return linkedAt.entrySet().stream()
                .flatMap(link -> PLATFORM_SECRET.equals(link.getKey())
                        ? Stream.of(new Item(link.getKey(), link.getValue(), link.getValue()))
                        : shelf(project.org()).flatMap(shelf -> shelf.find(link.getKey())).map(OrgSecretStore::item)
                                .stream())
                .sorted(Comparator.comparing(Item::name))
                .toList();
    }

    /** @return the names of the secrets linked to the project, in order */
    public List<String> linkedNames(StoredApp project) {
        return linked(project).stream().map(Item::name).toList();
    }

    private boolean linkable(long org, String name) {
        return PLATFORM_SECRET.equals(name) || shelf(org).flatMap(shelf -> shelf.find(name)).isPresent();
    }

    private Optional<SecretShelf> shelf(long org) {
        return Optional.ofNullable(shelves.get(org));
    }

    private static Item item(StoredSecret secret) {
        return new Item(secret.name(), secret.createdAt(), secret.updatedAt());
    }
}
