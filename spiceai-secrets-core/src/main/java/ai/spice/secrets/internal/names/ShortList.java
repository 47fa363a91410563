package ai.spice.secrets.internal.names;

import java.util.List;

/**
 * How messages and {@code toString()}s list names: the first 20, then how many more, so that a run of thousands of
 * names neither floods a log line nor hides how many there were. Public only for the SDK's other packages; not
 * exported.
 */
public final class ShortList {

    /** How many items are listed before the count of the rest. */
    public static final int MAX_LISTED = 20;

    private ShortList() {
    }

    /**
     * Joins the items with {@code ", "}, the first {@value #MAX_LISTED} only.
     *
     * @param items the items, already formatted
     * @return {@code "A, B, C"}, or {@code "A, B, ..., and 7 more"}
     */
    public static String join(List<String> items) {
        StringBuilder joined = new StringBuilder();
        int shown = Math.min(items.size(), MAX_LISTED);
        for (int i = 0; i < shown; i++) {
            joined.append(i == 0 ? "" : ", ").append(items.get(i));
        }
        if (items.size() > MAX_LISTED) {
            joined.append(", and ").append(items.size() - MAX_LISTED).append(" more");
        }
        return joined.toString();
    }
}
