package ai.spice.secrets.testkit.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * A secret as the store keeps it: metadata in the clear, the value only sealed. Its {@code toString} shows
 * no value (there is no plaintext here to show).
 *
 * @param id        the id, unique across the emulator
 * @param name      the secret name
 * @param value     the sealed value
 * @param createdAt when it was first stored
 * @param updatedAt when it was last stored
 */
record StoredSecret(long id, String name, ValueCipher.Sealed value, Instant createdAt, Instant updatedAt) {

    StoredSecret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
