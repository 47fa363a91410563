package ai.spice.secrets.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The wire shapes of secrets, read by Jackson and turned into the public records by {@link Json}. */
final class SecretJson {

    private SecretJson() {
    }

    record Item(@JsonProperty("id") Long id,
                @JsonProperty("name") String name,
                @JsonProperty("value") String value,
                @JsonProperty("created_at") Instant createdAt,
                @JsonProperty("updated_at") Instant updatedAt) {
    }

    record Page(@JsonProperty("secrets") List<Item> secrets) {
    }
}
