package ai.spice.secrets.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/** The shape of a sync ledger file, read and written by {@link Json}. It holds HMACs and metadata, never a value. */
public final class LedgerJson {

    /** The format's name, so that a stray JSON file is not taken for a ledger. */
    public static final String FORMAT = "spiceai-sync-ledger";
    /** The only version this SDK reads and writes. */
    public static final int VERSION = 1;

    private LedgerJson() {
    }

    /** The whole file. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"format", "version", "key_check", "entries", "mac"})
    public record File(@JsonProperty("format") String format,
                       @JsonProperty("version") Integer version,
                       @JsonProperty("key_check") String keyCheck,
                       @JsonProperty("entries") List<Entry> entries,
                       @JsonProperty("mac") String mac) {
    }

    /** One confirmed write. */
    @JsonPropertyOrder({"api", "organization", "app_id", "name", "hmac", "id", "updated_at"})
    public record Entry(@JsonProperty("api") String api,
                        @JsonProperty("organization") String organization,
                        @JsonProperty("app_id") Long appId,
                        @JsonProperty("name") String name,
                        @JsonProperty("hmac") String hmac,
                        @JsonProperty("id") Long id,
                        @JsonProperty("updated_at") Instant updatedAt) {
    }
}
