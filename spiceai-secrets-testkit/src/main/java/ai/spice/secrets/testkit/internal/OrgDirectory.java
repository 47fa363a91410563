package ai.spice.secrets.testkit.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** The emulator's organizations, found by id or by handle (case-insensitively). Thread-safe. */
public final class OrgDirectory {

    /** A valid organization handle: letters, digits, {@code .}, {@code -} and {@code _}. */
    static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9._-]+");

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Org> byId = new ConcurrentHashMap<>();
    private final Map<String, Org> byHandle = new ConcurrentHashMap<>();

    /**
     * One organization.
     *
     * @param id     its integer id, positive
     * @param handle its handle, as created (matched case-insensitively)
     */
    public record Org(long id, String handle) {

        /** Checks the components. */
        public Org {
            Objects.requireNonNull(handle, "handle");
        }
    }

    /**
     * Creates an organization.
     *
     * @param handle its handle
     * @return the new organization
     * @throws IllegalArgumentException if the handle is not valid or is taken (in any case)
     */
    public Org create(String handle) {
        requireValid(handle);
        Org created = new Org(ids.incrementAndGet(), handle);
        if (byHandle.putIfAbsent(key(handle), created) != null) {
            throw new IllegalArgumentException("organization '" + handle + "' already exists");
        }
        byId.put(created.id(), created);
        return created;
    }

    /**
     * Checks a handle.
     *
     * @param handle a handle
     * @return the handle
     * @throws IllegalArgumentException if it is not letters, digits, {@code .}, {@code -} and {@code _}
     * @throws NullPointerException     if it is null
     */
    public static String requireValid(String handle) {
        if (!HANDLE.matcher(Objects.requireNonNull(handle, "handle")).matches()) {
            throw new IllegalArgumentException("not a valid organization handle (letters, digits, '.', '-', '_'): '"
                    + handle + "'");
        }
        return handle;
    }

    /**
     * @param handle a handle, in any case
     * @return the organization, or empty
     */
    public Optional<Org> find(String handle) {
        return Optional.ofNullable(byHandle.get(key(handle)));
    }

    /**
     * @param id an organization id
     * @return the organization, or empty
     */
    public Optional<Org> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
