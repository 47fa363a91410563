package ai.spice.secrets.testkit;

import java.util.Locale;
import java.util.Objects;

/**
 * A member's role in an organization, as {@code GET /v1/orgs} reports it. Viewers are read-only: a write (an upsert,
 * a delete, linking an organization secret) needs {@link #MEMBER} or higher, and organization secrets need
 * {@link #MEMBER} or higher even to be listed.
 */
public enum OrgRole {
    /** Owns the organization. */
    OWNER,
    /** Administers the organization. */
    ADMIN,
    /** Works in the organization: reads and writes. */
    MEMBER,
    /** Reads only. */
    VIEWER;

    /**
     * Whether this role is {@code other} or higher.
     *
     * @param other the role needed
     * @return true when this role suffices
     * @throws NullPointerException if {@code other} is null
     */
    public boolean atLeast(OrgRole other) {
        return compareTo(Objects.requireNonNull(other, "other")) <= 0;
    }

    /**
     * The name on the wire.
     *
     * @return e.g. {@code owner}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
