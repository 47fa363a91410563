package ai.spice.secrets.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SecretStoreTest {

    private static final String PLAINTEXT = "postgres://user:hunter2@db.internal:5432/prod";

    private final SecretStore store = new SecretStore(Clock.fixed(Instant.parse("2024-01-15T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void revealReturnsThePlaintextButMemoryHoldsOnlyCiphertext() {
        long app = store.createApp(1, "a");
        store.put(app, "DB", PLAINTEXT);

        byte[] held = store.ciphertext(app, "DB").orElseThrow();

        assertThat(store.reveal(app, "DB")).contains(PLAINTEXT);
        assertThat(new String(held, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2").doesNotContain("postgres");
        // AES-GCM: as long as the plaintext (UTF-16, so that any Java string comes back as it was) plus a 16-byte tag
        assertThat(held).hasSize(PLAINTEXT.length() * 2 + 16);
        assertThat(store.find(app, "DB").orElseThrow().toString()).doesNotContain("hunter2");
    }

    @Test
    void sameValueIsSealedWithAFreshIvEachTime() {
        long app = store.createApp(1, "a");
        store.put(app, "ONE", PLAINTEXT);
        store.put(app, "TWO", PLAINTEXT);

        StoredSecret one = store.find(app, "ONE").orElseThrow();
        StoredSecret two = store.find(app, "TWO").orElseThrow();

        assertThat(one.value().iv()).hasSize(12).isNotEqualTo(two.value().iv());
        assertThat(one.value().ciphertext()).isNotEqualTo(two.value().ciphertext());
    }

    @Test
    void aSealedValueOpensOnlyForItsOwnSecret() {
        ValueCipher cipher = new ValueCipher();
        ValueCipher.Sealed sealed = cipher.seal("v", "1/A");

        assertThat(cipher.open(sealed, "1/A")).isEqualTo("v");
        assertThatThrownBy(() -> cipher.open(sealed, "1/B")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ValueCipher().open(sealed, "1/A")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void upsertKeepsIdAndCreatedAt() {
        long app = store.createApp(1, "a");
        StoredSecret first = store.upsert(app, "K", "1");
        StoredSecret second = store.upsert(app, "K", "2");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.updatedAt()).isAfter(first.updatedAt());
        assertThat(store.reveal(app, "K")).contains("2");
    }

    @Test
    void upsertIntoAnUnknownAppIsRefused() {
        assertThatThrownBy(() -> store.upsert(42, "K", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteReportsWhetherTheSecretExisted() {
        long app = store.createApp(1, "a");
        store.put(app, "K", "v");

        assertThat(store.delete(app, "K")).isTrue();
        assertThat(store.delete(app, "K")).isFalse();
        assertThat(store.delete(999, "K")).isFalse();
    }
}
