package ai.spice.secrets.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which of the standard streams are terminals, as far as Java 17 can tell.
 *
 * <p>{@link System#console()} is not null only when standard input and output are both terminals (on JDK 22 and
 * later it may be a console even when they are redirected; {@code Console.isTerminal()} then says, and is asked
 * when present). Java has no call for one stream alone, so on Linux each stream is looked up in
 * {@code /proc/self/fd}: a terminal is a {@code /dev/pts/N} or {@code /dev/tty*} device there. Where that is not
 * available, a stream is taken to be a terminal exactly when the console is one: wrong only for a partly redirected
 * session, and then in the safe direction for the progress bar (drawn only when standard output is a terminal).
 *
 * @param stdin  whether standard input is a terminal (a person could type the value)
 * @param stdout whether standard output is a terminal
 * @param stderr whether standard error is a terminal
 */
record Terminal(boolean stdin, boolean stdout, boolean stderr) {

    /** A session with no terminal at all: a pipeline step, a test. */
    static final Terminal NONE = new Terminal(false, false, false);

    static Terminal detect() {
        Console console = System.console();
        boolean onConsole = console != null && isTerminal(console);
        return new Terminal(isTerminal(0, onConsole), onConsole, isTerminal(2, onConsole));
    }

    /**
     * Whether the progress bar may be drawn: the console is a terminal (so standard output is not redirected to a
     * file or a pipe that a tool reads) and standard error is a terminal too, where the bar goes.
     */
    boolean interactiveErrors() {
        return stdout && stderr;
    }

    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");   // JDK 22+
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;                                                 // JDK 17-21: a console is a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isTerminal(int fd, boolean fallback) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (!Files.isSymbolicLink(link)) {
            return fallback;
        }
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | SecurityException e) {
            return fallback;
        }
    }
}
