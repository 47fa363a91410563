package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.SecretValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a ledger's key: of a secret's value, bound to where the secret lives and its name (so equal values
 * of two secrets give unequal HMACs), and of the ledger's own contents (so an edit or another key is noticed).
 */
final class LedgerHmac {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String KEY_CHECK = "spiceai-sync-ledger key check v1";

    private final SecretKeySpec key;

    LedgerHmac(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The HMAC of a value as the secret {@code place} (api, organization, app) and {@code name} holds it. */
    String ofValue(LedgerEntry.Place place, String name, SecretValue value) {
        return of("value v1\0" + place.api() + "\0" + place.organization() + "\0" + place.appId() + "\0" + name + "\0"
                + value.reveal());
    }

    /** A value that tells whether a ledger was written with this key, without telling anything about the key. */
    String keyCheck() {
        return of(KEY_CHECK);
    }

    String of(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /** Compares two HMACs in constant time. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
