package ai.spice.secrets.testkit.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the integer ids in paths ({@code appId}, {@code projectId}, {@code orgId}). */
final class PathIds {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private PathIds() {}

    /** A positive decimal integer; anything else (letters, sign, zero, overflow) is empty. */
    static Optional<Long> positive(String segment) {
        if (DIGITS.matcher(segment).matches()) {
            try {
                long id = Long.parseLong(segment);
                if (id > 0) {
                    return Optional.of(id);
                }
            } catch (NumberFormatException overflow) {
                // falls through to empty
            }
        }
        return Optional.empty();
    }
}
