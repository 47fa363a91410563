package ai.spice.secrets.bulk;

import ai.spice.secrets.internal.bulk.LedgerKeys;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a sync records what it wrote, so that the next plan knows what changed although the API never returns values.
 * For each secret the SDK wrote and the API confirmed, the ledger file keeps the API base URL, the organization, the
 * app id, the name, an HMAC-SHA256 of the value (keyed, and bound to the secret's place and name) and the {@code id}
 * and {@code updated_at} the API answered. Never the value, and never a plain hash of it.
 *
 * <pre>{@code
 * SyncOptions options = SyncOptions.builder().ledger(SyncLedger.at(Path.of(".spice/ledger.json"))).build();
 * SyncPlan plan = client.plan(appId, DotEnv.read(Path.of(".env")), options);   // + create, ~ changed, = unchanged
 * plan.apply();                                                                // sends only what changed
 * }</pre>
 *
 * <p>The HMAC key is never stored in the ledger file. It is, in this order: the bytes given to {@link #withKey(byte[])};
 * the file given to {@link #withKeyFile(Path)}; the environment variable {@value #KEY_ENVIRONMENT_VARIABLE} (the key in
 * base64); else the file {@code <ledger>.key} beside the ledger, generated on the first write (32 random bytes, created
 * readable by its owner only). A ledger file holds a check value of its key, so a ledger read with another key fails
 * rather than being taken as "all changed".
 *
 * <p>What it protects: without the key, the ledger tells nothing about any value (not even whether two secrets share
 * one). What it does not: whoever holds the key and the ledger can test guesses of a value offline, so keep the key
 * where the values are kept (a CI secret, not the repository); the names, ids and write times in the ledger are not
 * secret. A stale or deleted ledger only makes the SDK write more than needed; it never makes it skip a write, since
 * "unchanged" also needs the API's {@code updated_at} to equal the recorded one.
 *
 * <p>Immutable and thread-safe; {@code toString()} never shows the key.
 */
public final class SyncLedger {

    /** The environment variable that can hold the HMAC key, in base64 (at least 32 bytes once decoded). */
    public static final String KEY_ENVIRONMENT_VARIABLE = "SPICE_SYNC_LEDGER_KEY";
    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    static {
        // the internal ledger code reads the key this way: no public method ever hands it out
        LedgerKeys.register(ledger -> new LedgerKeys.Material(ledger.key == null ? null : ledger.key.clone(),
                ledger.environmentKey().orElse(null)));
    }

    private final Path file;
    private final byte[] key;
    private final Path keyFile;
    private final UnaryOperator<String> environment;

    private SyncLedger(Path file, byte[] key, Path keyFile, UnaryOperator<String> environment) {
        this.file = file;
        this.key = key;
        this.keyFile = keyFile;
        this.environment = environment;
    }

    /**
     * A ledger in this file; a missing file means nothing was recorded yet (every existing secret is "unknown").
     *
     * @param file the ledger file; created, with its directory, on the first write
     * @return the ledger
     * @throws NullPointerException if {@code file} is null
     */
    public static SyncLedger at(Path file) {
        return new SyncLedger(Objects.requireNonNull(file, "file").toAbsolutePath().normalize(), null, null,
                System::getenv);
    }

    /**
     * This ledger, keyed by these bytes (copied) instead of a key file or the environment.
     *
     * @param key at least {@value #MIN_KEY_BYTES} bytes, for example from a secret store
     * @return a new ledger description
     * @throws NullPointerException     if {@code key} is null
     * @throws IllegalArgumentException if {@code key} is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public SyncLedger withKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("key must be at least " + MIN_KEY_BYTES + " bytes, was " + key.length);
        }
        return new SyncLedger(file, key.clone(), null, environment);
    }

    /**
     * This ledger, keyed by the key in this file (generated there on the first write if missing).
     *
     * @param keyFile the key file; keep it out of version control
     * @return a new ledger description
     * @throws NullPointerException if {@code keyFile} is null
     */
    public SyncLedger withKeyFile(Path keyFile) {
        return new SyncLedger(file, null, Objects.requireNonNull(keyFile, "keyFile").toAbsolutePath().normalize(),
                environment);
    }

    /**
     * The ledger file.
     *
     * @return its absolute path
     */
    public Path file() {
        return file;
    }

    /**
     * The key file this ledger uses when no key was given as bytes and the environment variable is not set.
     *
     * @return the file given to {@link #withKeyFile(Path)}, else {@code <ledger>.key}
     */
    public Path keyFile() {
        return keyFile != null ? keyFile : file.resolveSibling(file.getFileName() + ".key");
    }

    /**
     * Where the key comes from, in words, for messages: never the key.
     *
     * @return {@code "key bytes"}, {@code "environment variable SPICE_SYNC_LEDGER_KEY"} or {@code "key file <path>"}
     */
    public String keySource() {
        if (key != null) {
            return "key bytes";
        }
        if (keyFile == null && environmentKey().isPresent()) {
            return "environment variable " + KEY_ENVIRONMENT_VARIABLE;
        }
        return "key file " + keyFile();
    }

    /**
     * The base64 key of the environment variable, when it is set and no key or key file was given.
     *
     * @return the variable's value, or empty
     */
    Optional<String> environmentKey() {
        String value = key != null || keyFile != null ? null : environment.apply(KEY_ENVIRONMENT_VARIABLE);
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Test seam: the environment this ledger reads {@value #KEY_ENVIRONMENT_VARIABLE} from. */
    SyncLedger withEnvironment(UnaryOperator<String> environment) {
        return new SyncLedger(file, key, keyFile, Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Shows the file and where the key comes from, never the key.
     *
     * @return e.g. {@code SyncLedger[file=/work/.spice/ledger.json, key file /work/.spice/ledger.json.key]}
     */
    @Override
    public String toString() {
        return "SyncLedger[file=" + file + ", " + keySource() + "]";
    }
}
