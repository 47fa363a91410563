package ai.spice.secrets.bulk;

import java.util.Objects;

/**
 * Something in a spicepod that starts like a {@code ${store:KEY}} reference but is not one, so the Spice runtime
 * would leave it as written: for example {@code ${secrets::NAME}}, {@code ${NAME}} (no store), or a <code>${</code> never
 * closed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text   the text from <code>${</code> up to and including the next <code>}</code> on the line (or to the end of the
 *               line), shortened past 80 characters
 * @param line   the 1-based line
 * @param column the 1-based column of its {@code $}, counted in UTF-16 code units
 * @param reason what is wrong, and how a correct reference looks
 */
public record MalformedReference(String text, int line, int column, String reason) {

    /**
     * Checks the components.
     *
     * @param text   the malformed text
     * @param line   the 1-based line
     * @param column the 1-based column
     * @param reason what is wrong
     * @throws NullPointerException     if {@code text} or {@code reason} is null
     * @throws IllegalArgumentException if {@code line} or {@code column} is below 1
     */
    public MalformedReference {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, were " + line + ", " + column);
        }
    }
}
