package ai.spice.secrets.bulk;

import ai.spice.secrets.internal.names.ShortList;
import java.util.List;
import java.util.Map;

/** The shared pieces of the {@code toString()}s of this package: names and exception types, never values. */
final class BulkText {

    private BulkText() {
    }

    /**
     * {@code failed=1 {B=BadRequestException}, skipped=2 [C, D]}: the counts, the failed names with their exception
     * types and the skipped names, each list shortened past 20.
     */
    static String failedAndSkipped(Map<String, ? extends Exception> failed, List<String> skipped) {
        StringBuilder text = new StringBuilder("failed=").append(failed.size());
        if (!failed.isEmpty()) {
            text.append(" {").append(ShortList.join(failed.entrySet().stream()
                    .map(failure -> failure.getKey() + "=" + failure.getValue().getClass().getSimpleName())
                    .toList())).append('}');
        }
        text.append(", skipped=").append(skipped.size());
        if (!skipped.isEmpty()) {
            text.append(" [").append(ShortList.join(skipped)).append(']');
        }
        return text.toString();
    }
}
