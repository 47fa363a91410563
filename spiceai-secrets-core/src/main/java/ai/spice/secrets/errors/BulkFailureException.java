package ai.spice.secrets.errors;

import ai.spice.secrets.internal.names.NamedMaps;
import ai.spice.secrets.internal.names.ShortList;
import java.util.Map;

/**
 * Some secrets of a bulk operation failed, from {@link ai.spice.secrets.bulk.BulkResult#throwIfFailed()} or
 * {@link ai.spice.secrets.bulk.SyncResult#throwIfFailed()}. The message lists the failed names, each with the type of its exception
 * (never a value); the first failure is the {@linkplain #getCause() cause} and the others are attached as
 * {@linkplain #getSuppressed() suppressed} exceptions; {@link #failures()} maps each name to its exception.
 */
public class BulkFailureException extends SpiceException {

    private static final long serialVersionUID = 1L;

    /** Each failed secret's name and exception, in the order of the input. */
    private final Map<String, SpiceException> failures;
    /** How many secrets the operation covered. */
    private final int total;

    /**
     * Creates the exception.
     *
     * @param failures each failed secret's name and exception, at least one, in the order to report them
     * @param total    how many secrets the operation covered, at least {@code failures.size()}
     * @throws NullPointerException     if {@code failures}, a name or an exception is null
     * @throws IllegalArgumentException if {@code failures} is empty or {@code total} is smaller than its size
     */
    public BulkFailureException(Map<String, SpiceException> failures, int total) {
        this(new Checked(copy(failures), total));
    }

    private BulkFailureException(Checked checked) {
        super(message(checked.failures(), checked.total()), checked.failures().values().iterator().next());
        this.failures = checked.failures();
        this.total = checked.total();
        failures.values().stream().skip(1).forEach(this::addSuppressed);
    }

    /**
     * Each failed secret's name and exception.
     *
     * @return an unmodifiable map in the order of the input
     */
    public Map<String, SpiceException> failures() {
        return failures;
    }

    /**
     * How many secrets the operation covered, failed or not.
     *
     * @return the total
     */
    public int total() {
        return total;
    }

    private static Map<String, SpiceException> copy(Map<String, SpiceException> failures) {
        Map<String, SpiceException> copy = NamedMaps.copy(failures, "failures");
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("failures must not be empty");
        }
        return copy;
    }

    private static String message(Map<String, SpiceException> failures, int total) {
        if (total < failures.size()) {
            throw new IllegalArgumentException("total (" + total + ") is smaller than the failures (" + failures.size() + ")");
        }
        return failures.size() + " of " + total + (total == 1 ? " secret failed: " : " secrets failed: ")
                + ShortList.join(failures.entrySet().stream()
                        .map(failure -> failure.getKey() + " (" + failure.getValue().getClass().getSimpleName() + ")")
                        .toList());
    }

    /** The constructor's arguments once copied and checked, so that they are copied once. */
    private record Checked(Map<String, SpiceException> failures, int total) {
    }
}
