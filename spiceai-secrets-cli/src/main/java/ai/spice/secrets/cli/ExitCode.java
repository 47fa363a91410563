package ai.spice.secrets.cli;

/**
 * The exit codes of {@code spice-secrets}, in one place. They are part of the CLI's contract (documented in every
 * command's {@code --help} and in the README): a number never changes meaning, and a new meaning gets a new number.
 *
 * <p>2 is a usage error, as picocli, getopt-style tools and shells use it, so a "changes pending" plan cannot be 2 as
 * in {@code terraform plan -detailed-exitcode}: it is 3, and a spicepod check that finds problems is 4. Neither 3 nor
 * 4 is a failure: the command ran and answered.
 */
final class ExitCode {

    /** The command did what it was asked; for {@code plan}, nothing would change; the spicepod check is clean. */
    static final int OK = 0;
    /** The service or the network said no, a bulk run had failures, a sync was refused, a ledger was unusable. */
    static final int FAILURE = 1;
    /** The command line or its input is wrong: nothing was sent, or nothing past the check that failed. */
    static final int USAGE = 2;
    /** {@code plan} only: applying the plan would create, update or delete something. */
    static final int CHANGES_PENDING = 3;
    /** {@code check-spicepod} only: some reference will not resolve (missing, undefined store or malformed). */
    static final int NOT_CLEAN = 4;

    /** The heading of the exit-code section of {@code --help}. */
    static final String HEADING = "%nExit codes:%n";
    static final String OK_LINE = "0:success";
    static final String FAILURE_LINE = "1:failure: the service or the network said no, a bulk run had failures, a sync"
            + " was refused, the ledger is unusable";
    static final String USAGE_LINE = "2:usage error: bad flag, unknown command, unreadable or malformed file, invalid"
            + " name, no value, no app, no credentials (nothing was sent)";
    static final String CHANGES_PENDING_LINE = "3:changes pending: applying the plan would change the app";
    static final String NOT_CLEAN_LINE = "4:not clean: some reference in the spicepod will not resolve";

    private ExitCode() {
    }
}
