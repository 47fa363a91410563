package ai.spice.secrets.bulk;

import java.util.Objects;

/**
 * Something in a spicepod value that starts like a {@code ${store:KEY}} reference but that the Spice runtime does not
 * substitute, so the parameter keeps it as written: for example {@code ${secrets::NAME}}, {@code ${NAME}} (no store),
 * a <code>${</code> never closed, or a good reference after one that makes the runtime stop reading the value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text   the text from <code>${</code> up to and including the next <code>}</code> (or to the next
 *               <code>${</code> or line end), shortened past 80 characters
 * @param path   where the value sits, e.g. {@code datasets[0].params.pg_pass}
 * @param line   the 1-based line of its {@code $} (see {@link SpicepodReference#line()})
 * @param column the 1-based column of its {@code $}, counted in UTF-16 code units
 * @param reason what is wrong, and how a correct reference looks
 */
public record MalformedReference(String text, String path, int line, int column, String reason) {

    /**
     * Checks the components.
     *
     * @param text   the malformed text
     * @param path   where the value sits
     * @param line   the 1-based line
     * @param column the 1-based column
     * @param reason what is wrong
     * @throws NullPointerException     if {@code text}, {@code path} or {@code reason} is null
     * @throws IllegalArgumentException if {@code line} or {@code column} is below 1
     */
    public MalformedReference {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, were " + line + ", " + column);
        }
    }
}
