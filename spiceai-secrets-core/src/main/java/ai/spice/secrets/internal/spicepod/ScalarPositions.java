package ai.spice.secrets.internal.spicepod;

import ai.spice.secrets.internal.spicepod.SnakeYamlReader.Style;
import java.util.Arrays;

/**
 * Where in the file a <code>${</code> of a scalar's value is, from the parser's start and end of the scalar. Where the
 * file holds the value as it is (a plain scalar, a quoted one without escapes) the offset is exact; otherwise the
 * value's <code>${</code>s are paired in order with the file's, when they are as many (block and folded scalars,
 * multi-line quoted ones); where they are not (an escape such as {@code \x24}, a reference folded across lines), every
 * position is the scalar's start. Nothing of YAML is parsed here: the value is the parser's.
 */
final class ScalarPositions {

    private final int start;
    private final int base;
    private final int[] valueDollars;
    private final int[] fileDollars;

    ScalarPositions(String text, String value, Style style, int start, int end) {
        this.start = start;
        String slice = text.substring(start, Math.max(start, Math.min(end, text.length())));
        boolean quoted = style == Style.SINGLE_QUOTED || style == Style.DOUBLE_QUOTED;
        if (style == Style.PLAIN && slice.equals(value)) {
            base = start;
        } else if (quoted && slice.length() == value.length() + 2 && slice.startsWith(value, 1)) {
            base = start + 1;
        } else {
            base = -1;
        }
        valueDollars = base >= 0 ? new int[0] : dollars(value, 0);
        int header = style == Style.LITERAL || style == Style.FOLDED ? headerEnd(slice) : 0;
        int[] inSlice = base >= 0 ? new int[0] : dollars(slice, header);
        fileDollars = inSlice.length == valueDollars.length ? inSlice : null;
    }

    int fileOffset(int valueOffset) {
        if (base >= 0) {
            return base + valueOffset;
        }
        int index = Arrays.binarySearch(valueDollars, valueOffset);
        return index >= 0 && fileDollars != null ? start + fileDollars[index] : start;
    }

    private static int[] dollars(String text, int from) {
        int[] found = new int[8];
        int count = 0;
        for (int at = text.indexOf("${", from); at >= 0; at = text.indexOf("${", at + 2)) {
            found = count == found.length ? Arrays.copyOf(found, count * 2) : found;
            found[count++] = at;
        }
        return Arrays.copyOf(found, count);
    }

    /** A block scalar's header line ({@code |}, {@code >-}, perhaps a comment) holds no content. */
    private static int headerEnd(String slice) {
        int lineBreak = slice.indexOf('\n');
        int carriage = slice.indexOf('\r');
        int first = lineBreak < 0 ? carriage : carriage < 0 ? lineBreak : Math.min(lineBreak, carriage);
        return first < 0 ? slice.length() : first + 1;
    }
}
