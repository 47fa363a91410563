package ai.spice.secrets.errors;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A sync ledger ({@code SyncLedger}) cannot be used: its file or its key file is unreadable, corrupt, truncated, of an
 * unknown version, written with another key, or cannot be written. Never taken as an empty ledger: a plan that cannot
 * trust its ledger fails. The message names the file and what is wrong; it never holds a value or a key.
 */
public class LedgerException extends SpiceException {

    private static final long serialVersionUID = 1L;

    /** The file at fault, as a string (a path is not serializable). */
    private final String file;
    /** What is wrong, without the file. */
    private final String reason;

    /**
     * Creates the exception; the message is {@code "<file>: <reason>"}.
     *
     * @param file   the ledger file or key file at fault
     * @param reason what is wrong; never a value or a key
     * @param cause  the underlying failure, or null
     * @throws NullPointerException if {@code file} or {@code reason} is null
     */
    public LedgerException(Path file, String reason, Throwable cause) {
        super("sync ledger " + Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(reason, "reason"),
                cause);
        this.file = file.toString();
        this.reason = reason;
    }

    /**
     * The file at fault.
     *
     * @return the ledger file or its key file
     */
    public Path file() {
        return Path.of(file);
    }

    /**
     * What is wrong, without the file.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
