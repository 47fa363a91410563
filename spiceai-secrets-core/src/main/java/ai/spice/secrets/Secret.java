package ai.spice.secrets;

import java.time.Instant;
import java.util.Objects;

/**
 * A secret of a Spice.ai app, as the API describes it: its metadata and a masked value. The API never returns a
 * secret's plaintext value, so neither does this record.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id          the secret's id, unique within the service and kept when the secret is updated
 * @param name        the secret's name, for example {@code DATABASE_URL}
 * @param maskedValue the value as the API shows it: asterisks only, whose length carries no meaning
 * @param createdAt   when the secret was first created (kept across updates)
 * @param updatedAt   when the secret's value was last set
 */
public record Secret(long id, String name, String maskedValue, Instant createdAt, Instant updatedAt) {

    /**
     * Checks that no component is null.
     *
     * @param id          the secret's id
     * @param name        the secret's name
     * @param maskedValue the masked value
     * @param createdAt   when the secret was created
     * @param updatedAt   when the secret was last set
     *
     * @throws NullPointerException naming the null component
     */
    public Secret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maskedValue, "maskedValue");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
