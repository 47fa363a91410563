package ai.spice.secrets.bulk;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The shared pieces of the {@code toString()}s of this package: names and exception types, never values. */
final class BulkText {

    /** How many names a {@code toString()} lists before it says how many more there are. */
    static final int MAX_LISTED = 20;

    private BulkText() {
    }

    /** {@code [A, B, C]}, or {@code [A, B, ... and 7 more]}. */
    static String names(List<String> names) {
        if (names.size() <= MAX_LISTED) {
            return names.toString();
        }
        return names.stream().limit(MAX_LISTED).collect(Collectors.joining(", ", "[", ", ... and "))
                + (names.size() - MAX_LISTED) + " more]";
    }

    /** {@code {A=BadRequestException, B=RateLimitException}}, shortened like {@link #names(List)}. */
    static String failureTypes(Map<String, ? extends Exception> failures) {
        List<String> entries = failures.entrySet().stream()
                .map(failure -> failure.getKey() + "=" + failure.getValue().getClass().getSimpleName())
                .toList();
        String listed = names(entries);
        return "{" + listed.substring(1, listed.length() - 1) + "}";
    }
}
