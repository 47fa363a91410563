package ai.spice.secrets.testkit.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * An app (a project, in newer docs) as the store keeps it.
 *
 * @param id        the id, unique across the emulator's apps and secrets
 * @param org       the id of the organization it belongs to
 * @param name      its display name
 * @param createdAt when it was created
 */
public record StoredApp(long id, long org, String name, Instant createdAt) {

    /** Checks the components. */
    public StoredApp {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
