package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.bulk.SyncLedger;
import ai.spice.secrets.errors.LedgerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The HMAC key of a ledger: from the bytes the caller gave, the environment variable, or the key file (made on first
 * write with owner-only permissions). {@link SyncLedger} hands its key material here through {@link #register}, so
 * that no public method ever returns it.
 */
public final class LedgerKeys {

    /** What a {@link SyncLedger} holds of its key: bytes given by the caller, or the environment's base64 text. */
    public record Material(byte[] bytes, String environmentBase64) {
    }

    private static volatile Function<SyncLedger, Material> material;

    private LedgerKeys() {
    }

    /**
     * Called once, by {@link SyncLedger}'s class initialisation.
     *
     * @param access how to read a ledger's key material
     */
    public static void register(Function<SyncLedger, Material> access) {
        if (material != null) {
            throw new IllegalStateException("already registered");
        }
        material = Objects.requireNonNull(access, "access");
    }

    /** The key if one can be had without creating a key file; empty when the key file does not exist yet. */
    static Optional<byte[]> existing(SyncLedger ledger) {
        Material held = material.apply(ledger);
        if (held.bytes() != null) {
            return Optional.of(held.bytes());
        }
        if (held.environmentBase64() != null) {
            return Optional.of(decode(held.environmentBase64(), ledger.file(),
                    "the environment variable " + SyncLedger.KEY_ENVIRONMENT_VARIABLE));
        }
        return readKeyFile(ledger.keyFile());
    }

    /** The key, generating the key file if it does not exist yet. */
    static byte[] createIfMissing(SyncLedger ledger) {
        return existing(ledger).orElseGet(() -> generate(ledger.keyFile()));
    }

    private static Optional<byte[]> readKeyFile(Path keyFile) {
        try {
            checkOwnerOnly(keyFile);
            return Optional.of(decode(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile, "the key file"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new LedgerException(keyFile, "the key file cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new LedgerException(keyFile, "the key file cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static byte[] generate(Path keyFile) {
        byte[] key = new byte[SyncLedger.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String text = Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            LedgerFiles.createOwnerOnly(keyFile);
            Files.writeString(keyFile, text, StandardCharsets.US_ASCII);
            return key;
        } catch (FileAlreadyExistsException raced) {
            // another process made it first: use theirs
            return readKeyFile(keyFile).orElseThrow(() -> new LedgerException(keyFile, "the key file vanished", raced));
        } catch (IOException e) {
            throw new LedgerException(keyFile, "the key file cannot be created (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Refuses a key file others may read, as ssh does: the key is what keeps the ledger's HMACs unguessable. */
    private static void checkOwnerOnly(Path keyFile) throws IOException {
        if (!LedgerFiles.isPosix(keyFile)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
        permissions.removeAll(PosixFilePermissions.fromString("rw-------"));
        if (!permissions.isEmpty()) {
            throw new LedgerException(keyFile, "the key file may be read or written by others ("
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))
                    + "); make it readable by its owner only (chmod 600)", null);
        }
    }

    private static byte[] decode(String base64, Path where, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new LedgerException(where, what + " is not valid base64", null);
        }
        if (key.length < SyncLedger.MIN_KEY_BYTES) {
            throw new LedgerException(where, what + " holds " + key.length + " bytes; a key needs at least "
                    + SyncLedger.MIN_KEY_BYTES, null);
        }
        return key;
    }
}
