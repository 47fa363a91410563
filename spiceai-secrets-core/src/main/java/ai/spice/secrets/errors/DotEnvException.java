package ai.spice.secrets.errors;

import java.util.Objects;

/**
 * A {@code .env} text that cannot be read: a line without {@code =}, a bad key, an unterminated quote, or characters
 * after a closing quote. The message names the source (the file, or {@code <string>}), the line and the column, and
 * never shows a value, or even the text of the line. A caller mistake, so an {@link IllegalArgumentException}.
 */
public class DotEnvException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Where the text came from: a file name, or {@code <string>}. */
    private final String source;
    /** The 1-based line of the problem. */
    private final int line;
    /** The 1-based column of the problem, counted in UTF-16 code units. */
    private final int column;
    /** What is wrong, without any of the text. */
    private final String reason;

    /**
     * Creates the exception; the message is {@code "<source>, line <line>, column <column>: <reason>"}.
     *
     * @param source where the text came from: a file name, or {@code <string>}
     * @param line   the 1-based line of the problem
     * @param column the 1-based column of the problem
     * @param reason what is wrong; must not contain any of the text
     * @throws NullPointerException if {@code source} or {@code reason} is null
     */
    public DotEnvException(String source, int line, int column, String reason) {
        super(Objects.requireNonNull(source, "source") + ", line " + line + ", column " + column + ": "
                + Objects.requireNonNull(reason, "reason"));
        this.source = source;
        this.line = line;
        this.column = column;
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
     * The line of the problem; for an unterminated quote, the line where the quote opens.
     *
     * @return the 1-based line
     */
    public int line() {
        return line;
    }

    /**
     * The column of the problem, counted in UTF-16 code units (a tab counts as one).
     *
     * @return the 1-based column
     */
    public int column() {
        return column;
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
