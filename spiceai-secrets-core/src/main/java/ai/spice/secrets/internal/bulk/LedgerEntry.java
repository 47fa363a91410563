package ai.spice.secrets.internal.bulk;

import java.time.Instant;

/**
 * One write the API confirmed: where, which secret, the HMAC of the value written, and the {@code id} and
 * {@code updated_at} the API answered.
 */
record LedgerEntry(Place place, String name, String hmac, long id, Instant updatedAt) {

    /**
     * Where a secret lives.
     *
     * @param organization the {@code X-Org-Name} handle, or {@code ""} for the token's own organization
     */
    record Place(String api, String organization, long appId) {
    }

    /** What identifies an entry: one per secret. */
    record Key(Place place, String name) {
    }

    Key key() {
        return new Key(place, name);
    }
}
