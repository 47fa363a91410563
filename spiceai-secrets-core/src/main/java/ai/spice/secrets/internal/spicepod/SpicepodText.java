package ai.spice.secrets.internal.spicepod;

import ai.spice.secrets.errors.SpicepodException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A spicepod's text, read within {@link Limits#MAX_CHARS}, and the arithmetic from the parser's positions (code point
 * indices) to the lines and columns a person sees (UTF-16 code units; lines end at {@code \n}, {@code \r\n} or
 * {@code \r}; a leading byte-order mark is not counted).
 */
final class SpicepodText {

    final String source;
    final String text;
    /** The UTF-16 offset at which each line starts. */
    private final int[] lineStarts;
    /** The code point indices of the characters outside the BMP, ascending; empty for most texts. */
    private final int[] supplementary;

    private SpicepodText(String source, String text) {
        this.source = source;
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.supplementary = supplementary(text);
    }

    static SpicepodText of(String source, String text) {
        if (text.length() > Limits.MAX_CHARS) {
            throw tooLarge(source);
        }
        return new SpicepodText(source, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** Reads UTF-8, stopping as soon as the text is over the limit: a huge file is refused, not read. */
    static SpicepodText read(Path file) throws IOException {
        String source = file.toString();
        StringBuilder text = new StringBuilder();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
                if (text.length() > Limits.MAX_CHARS) {
                    throw tooLarge(source);
                }
            }
        }
        return of(source, text.toString());
    }

    private static SpicepodException tooLarge(String source) {
        return new SpicepodException(source, "larger than " + Limits.MAX_CHARS + " characters, the most a spicepod"
                + " check reads");
    }

    /** The UTF-16 offset of a parser position. */
    int offset(int codePointIndex) {
        int before = Arrays.binarySearch(supplementary, codePointIndex);
        return codePointIndex + (before >= 0 ? before : -before - 1);
    }

    /** The 1-based line of a UTF-16 offset. */
    int line(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The 1-based column of a UTF-16 offset. */
    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    SpicepodException error(int offset, String reason) {
        int at = Math.max(0, Math.min(offset, text.length()));
        return new SpicepodException(source, line(at), column(at), reason);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts = count == starts.length ? Arrays.copyOf(starts, count * 2) : starts;
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static int[] supplementary(String text) {
        int[] found = new int[0];
        int count = 0;
        int codePoint = 0;
        for (int i = 0; i < text.length(); codePoint++) {
            int c = text.codePointAt(i);
            if (Character.isSupplementaryCodePoint(c)) {
                found = count == found.length ? Arrays.copyOf(found, Math.max(16, count * 2)) : found;
                found[count++] = codePoint;
            }
            i += Character.charCount(c);
        }
        return Arrays.copyOf(found, count);
    }
}
