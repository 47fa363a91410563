package ai.spice.secrets.cli;

import ai.spice.secrets.bulk.BulkProgressListener;
import java.io.PrintWriter;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The progress bar of {@code import} and {@code apply}: one line on standard error, redrawn in place with a carriage
 * return ({@code [#########           ] 12/40 DATABASE_URL}) and cleared at the end. It shows names and counts, never a
 * value (the SDK's listener is never given one). Drawn only when standard error is a terminal that a person watches
 * ({@link Terminal#interactiveErrors()}); in a pipeline, a CI log or a redirected run it is never drawn, as a log of
 * carriage returns is noise.
 */
final class ProgressBar implements BulkProgressListener {

    private static final int WIDTH = 30;
    private static final int MAX_NAME = 40;

    private final PrintWriter err;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean drawn;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** A bar on standard error, or none when it is not a terminal or {@code --no-progress} was given. */
    static ProgressBar forSession(Session session, boolean disabled) {
        return new ProgressBar(disabled || !session.terminal().interactiveErrors() ? null : session.err());
    }

    @Override
    public void onProgress(int done, int total, String name) {
        if (err == null) {
            return;
        }
        lock.lock();
        try {
            int filled = total <= 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            String shown = name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 3) + "..." : name;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " "
                    + shown + "\033[K");
            err.flush();
            drawn = true;
        } finally {
            lock.unlock();
        }
    }

    /** Clears the bar's line, so that what follows starts on a clean one. */
    void finish() {
        lock.lock();
        try {
            if (drawn) {
                err.print("\r\033[K");
                err.flush();
                drawn = false;
            }
        } finally {
            lock.unlock();
        }
    }
}
