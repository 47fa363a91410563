package ai.spice.secrets.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Where a command's answer goes. Standard output gets the result: text for people, or with {@code --json} exactly
 * one JSON document on one line. Standard error gets the one {@code error: ...} line of a failure, and its stack
 * trace with {@code --debug}. With {@code --json} a failure is a document too: its {@code error} object is there
 * exactly when the exit code is 1 or 2.
 */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Session session;
    private final boolean json;
    private final boolean debug;

    Output(Session session, boolean json, boolean debug) {
        this.session = session;
        this.json = json;
        this.debug = debug;
    }

    boolean json() {
        return json;
    }

    /** Prints the result: the text, or the document with {@code --json}. */
    void result(String text, Supplier<ObjectNode> document) {
        if (json) {
            print(document.get());
        } else {
            text(text);
        }
    }

    /** Prints text for people only: nothing with {@code --json}. */
    void text(String text) {
        if (!json && !text.isEmpty()) {
            session.out().print(text.endsWith("\n") ? text : text + "\n");
            session.out().flush();
        }
    }

    /** Reports a failure: the error line (and trace), and with {@code --json} the error document. */
    int fail(Throwable error) {
        Failure failure = Failure.of(error);
        line(failure, error);
        if (json) {
            print(Documents.error(failure));
        }
        return failure.exitCode();
    }

    /**
     * Reports a failure of a command that has a result to show: the result document with an {@code error} object
     * added (with {@code --json}), and the error line.
     */
    int fail(Throwable error, ObjectNode document) {
        Failure failure = Failure.of(error);
        line(failure, error);
        if (json) {
            document.set("error", Documents.errorObject(failure));
            print(document);
        }
        return failure.exitCode();
    }

    /** Reports a usage error found while parsing: there is no exception worth a trace. */
    int usage(Failure failure) {
        session.err().println(failure.line());
        session.err().flush();
        if (json) {
            print(Documents.error(failure));
        }
        return failure.exitCode();
    }

    private void line(Failure failure, Throwable error) {
        session.err().println(failure.line());
        if (debug) {
            error.printStackTrace(session.err());
        }
        session.err().flush();
    }

    private void print(ObjectNode document) {
        try {
            session.out().println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        session.out().flush();
    }
}
