package ai.spice.secrets.testkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Header lookup over a map whose names are lower case, as the server reads them and the journal records them. */
public final class Headers {

    private Headers() {
    }

    /**
     * The first value of a header.
     *
     * @param headers the headers, names in lower case
     * @param name    the header name, in any case
     * @return the value, or empty when the header is absent
     */
    public static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
