package ai.spice.secrets.bulk;

import ai.spice.secrets.internal.names.ShortList;
import java.util.List;
import java.util.Map;

/** The shared pieces of the {@code toString()}s of this package: names and exception types, never values. */
final class BulkText {

    private BulkText() {
    }

    /** {@code [A, B, C]}, or {@code [A, B, ..., and 7 more]}. */
    static String names(List<String> names) {
        return "[" + ShortList.join(names) + "]";
    }

    /** {@code {A=BadRequestException, B=RateLimitException}}, shortened like {@link #names(List)}. */
    static String failureTypes(Map<String, ? extends Exception> failures) {
        List<String> entries = failures.entrySet().stream()
                .map(failure -> failure.getKey() + "=" + failure.getValue().getClass().getSimpleName())
                .toList();
        return "{" + ShortList.join(entries) + "}";
    }
}
