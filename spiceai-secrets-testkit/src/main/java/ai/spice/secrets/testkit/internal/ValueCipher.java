package ai.spice.secrets.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secret values with AES-256-GCM, as the service keeps them encrypted at rest: one random key per
 * emulator, a fresh random 12-byte IV per value, and the value's owner (app and name) as associated data so
 * that a sealed value cannot be moved to another secret. Thread-safe: a {@link Cipher} is made per call.
 */
final class ValueCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    ValueCipher() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            this.key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
    }

    /** A value as kept in memory: the IV and the ciphertext with its tag. */
    record Sealed(byte[] iv, byte[] ciphertext) {
        Sealed {
            Objects.requireNonNull(iv, "iv");
            Objects.requireNonNull(ciphertext, "ciphertext");
        }
    }

    Sealed seal(String plaintext, String owner) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, owner);
            return new Sealed(iv, cipher.doFinal(chars(plaintext)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret value", e);
        }
    }

    String open(Sealed sealed, String owner) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealed.iv(), owner);
            return string(cipher.doFinal(sealed.ciphertext()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a secret value", e);
        }
    }

    /**
     * The value's UTF-16 code units, two bytes each. Not {@code getBytes}: every charset encoder replaces an unpaired
     * surrogate with {@code ?}, and a JSON string may carry one as an escape, so the value read back would differ.
     */
    private static byte[] chars(String value) {
        byte[] bytes = new byte[value.length() * 2];
        for (int i = 0; i < value.length(); i++) {
            bytes[2 * i] = (byte) (value.charAt(i) >> 8);
            bytes[2 * i + 1] = (byte) value.charAt(i);
        }
        return bytes;
    }

    private static String string(byte[] bytes) {
        char[] chars = new char[bytes.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff));
        }
        return new String(chars);
    }

    private Cipher cipher(int mode, byte[] iv, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
