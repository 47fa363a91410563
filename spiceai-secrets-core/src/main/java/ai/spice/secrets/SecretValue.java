package ai.spice.secrets;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret's plaintext value, kept out of logs by construction: {@link #toString()} prints a fixed redacted marker,
 * and the only way to get the plaintext back is {@link #reveal()}, a name that is easy to search for in a code base.
 *
 * <pre>{@code
 * SecretValue password = SecretValue.of(System.console().readPassword("Password: "));
 * client.upsert(appId, "PG_PASS", password);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #equals(Object)} compares in constant time.
 */
public final class SecretValue {

    private static final String REDACTED = "SecretValue[**********]";

    private final char[] plaintext;

    private SecretValue(char[] plaintext) {
        this.plaintext = plaintext;
    }

    /**
     * Wraps a plaintext value. The empty string is a valid value.
     *
     * @param plaintext the value; not null
     * @return the wrapped value
     * @throws NullPointerException if {@code plaintext} is null
     */
    public static SecretValue of(String plaintext) {
        return new SecretValue(Objects.requireNonNull(plaintext, "plaintext").toCharArray());
    }

    /**
     * Wraps a plaintext value held in a char array, such as one read by {@code Console.readPassword}. The array is
     * copied, so the caller may clear it afterwards.
     *
     * @param plaintext the value; not null
     * @return the wrapped value
     * @throws NullPointerException if {@code plaintext} is null
     */
    public static SecretValue of(char[] plaintext) {
        return new SecretValue(Objects.requireNonNull(plaintext, "plaintext").clone());
    }

    /**
     * Returns the plaintext. Every call site of this method is a place where the secret leaves its wrapper.
     *
     * @return the plaintext value
     */
    public String reveal() {
        return new String(plaintext);
    }

    /**
     * Returns the number of UTF-16 code units of the value, without revealing it.
     *
     * @return the value's length
     */
    public int length() {
        return plaintext.length;
    }

    /**
     * Compares two values in time that does not depend on where they differ.
     *
     * @param other the object to compare with
     * @return true if {@code other} is a {@code SecretValue} with the same plaintext
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SecretValue that)) {
            return false;
        }
        return MessageDigest.isEqual(utf16(), that.utf16());
    }

    /**
     * Returns a hash that depends only on the value's length, so that it tells nothing about the value's content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Integer.hashCode(plaintext.length);
    }

    /**
     * Returns a fixed redacted marker, never the value.
     *
     * @return {@code "SecretValue[**********]"}
     */
    @Override
    public String toString() {
        return REDACTED;
    }

    /** The value as UTF-16 code units, two bytes each: exact even for unpaired surrogates. */
    private byte[] utf16() {
        byte[] bytes = new byte[plaintext.length * 2];
        for (int i = 0; i < plaintext.length; i++) {
            bytes[2 * i] = (byte) (plaintext[i] >> 8);
            bytes[2 * i + 1] = (byte) plaintext[i];
        }
        return bytes;
    }
}
