package ai.spice.secrets.errors;

import ai.spice.secrets.internal.names.ShortList;
import java.util.List;
import java.util.Objects;

/**
 * {@code SyncPlan.apply()} refused to run, and sent nothing: the plan would delete more than the options allow,
 * would overwrite secrets written elsewhere since the last sync while the options say to refuse, or no longer matches
 * the app (a secret it would delete or skip changed since the plan was made). The message gives the counts and lists
 * the names (the first 20), never a value.
 */
public class SyncRefusedException extends SpiceException {

    private static final long serialVersionUID = 1L;

    /** Why a sync is refused. */
    public enum Reason {
        /** More deletions than {@code SyncOptions.maxDeletes()} or {@code maxDeleteFraction()} allow. */
        TOO_MANY_DELETES,
        /** Secrets written elsewhere since the last sync, with {@code SyncOptions.refuseDrifted()}. */
        DRIFTED,
        /** Secrets the plan would delete or leave alone changed in the app since the plan was made. */
        CHANGED_SINCE_PLAN
    }

    /** Why. */
    private final Reason reason;
    /** The names concerned, in the order of the plan. */
    private final List<String> names;

    /**
     * Creates the exception.
     *
     * @param reason why the sync is refused
     * @param detail the counts behind it, in words, for the message (e.g. {@code "5 of 8 secrets, the limit is 2"})
     * @param names  the names concerned, at least one
     * @throws NullPointerException     if an argument or a name is null
     * @throws IllegalArgumentException if {@code names} is empty
     */
    public SyncRefusedException(Reason reason, String detail, List<String> names) {
        super(message(reason, detail, List.copyOf(names)), null);
        this.reason = reason;
        this.names = List.copyOf(names);
    }

    /**
     * Why the sync was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The names concerned: those the plan would delete, those drifted, or those changed since the plan.
     *
     * @return the names, in the order of the plan
     */
    public List<String> names() {
        return names;
    }

    private static String message(Reason reason, String detail, List<String> names) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names must not be empty");
        }
        String what = switch (reason) {
            case TOO_MANY_DELETES -> "the plan deletes too many secrets";
            case DRIFTED -> "secrets were written elsewhere since the last sync";
            case CHANGED_SINCE_PLAN -> "the app changed since the plan was made";
        };
        return "sync refused, nothing was sent: " + what + " (" + detail + "): " + ShortList.join(names);
    }
}
