package ai.spice.secrets.errors;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A spicepod that cannot be read: invalid YAML, a document over one of the fixed limits (size, nesting, aliases), or
 * no YAML parser on the class path. The message names the source (the file, or {@code <string>}) and, where the
 * problem has one, the line and column; it never quotes the file's content, not even a key. A caller's input, so an
 * {@link IllegalArgumentException}.
 *
 * <p>Immutable and thread-safe.
 */
public class SpicepodException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Where the text came from: a file name, or {@code <string>}. */
    private final String source;
    /** The 1-based line of the problem, or 0 when it has none. */
    private final int line;
    /** The 1-based column of the problem, or 0 when it has none. */
    private final int column;
    /** What is wrong, without any of the text. */
    private final String reason;

    /**
     * Creates the exception for a problem at a place; the message is
     * {@code "<source>, line <line>, column <column>: <reason>"}.
     *
     * @param source where the text came from: a file name, or {@code <string>}
     * @param line   the 1-based line of the problem
     * @param column the 1-based column of the problem, counted in UTF-16 code units
     * @param reason what is wrong; must not contain any of the text
     * @throws NullPointerException     if {@code source} or {@code reason} is null
     * @throws IllegalArgumentException if {@code line} or {@code column} is below 1
     */
    public SpicepodException(String source, int line, int column, String reason) {
        super(Objects.requireNonNull(source, "source") + ", line " + line + ", column " + column + ": "
                + Objects.requireNonNull(reason, "reason"));
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, were " + line + ", " + column);
        }
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /**
     * Creates the exception for a problem of the whole text (too large, no parser); the message is
     * {@code "<source>: <reason>"}.
     *
     * @param source where the text came from: a file name, or {@code <string>}
     * @param reason what is wrong; must not contain any of the text
     * @throws NullPointerException if {@code source} or {@code reason} is null
     */
    public SpicepodException(String source, String reason) {
        super(Objects.requireNonNull(source, "source") + ": " + Objects.requireNonNull(reason, "reason"));
        this.source = source;
        this.line = 0;
        this.column = 0;
        this.reason = reason;
    }

    /**
     * Where the text came from.
     *
     * @return a file name, or {@code <string>}
     */
    public String source() {
        return source;
    }

    /**
     * The line of the problem.
     *
     * @return the 1-based line, or empty for a problem of the whole text
     */
    public OptionalInt line() {
        return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
    }

    /**
     * The column of the problem, counted in UTF-16 code units (a tab counts as one).
     *
     * @return the 1-based column, or empty for a problem of the whole text
     */
    public OptionalInt column() {
        return column == 0 ? OptionalInt.empty() : OptionalInt.of(column);
    }

    /**
     * What is wrong, without the source, line and column.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
