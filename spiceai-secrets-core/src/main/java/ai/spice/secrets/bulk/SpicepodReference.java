package ai.spice.secrets.bulk;

import ai.spice.secrets.internal.names.QuotedName;
import java.util.Objects;

/**
 * One well-formed {@code ${store:KEY}} reference found in a spicepod, such as {@code ${secrets:PG_PASS}} or
 * {@code ${ env : HOME }}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param store  the secret store, e.g. {@code secrets} or {@code env}
 * @param key    the key within the store, e.g. {@code PG_PASS}
 * @param line   the 1-based line of the reference
 * @param column the 1-based column of its {@code $}, counted in UTF-16 code units
 */
public record SpicepodReference(String store, String key, int line, int column) {

    /**
     * Checks the components.
     *
     * @param store  the secret store
     * @param key    the key within the store
     * @param line   the 1-based line
     * @param column the 1-based column
     * @throws NullPointerException     if {@code store} or {@code key} is null
     * @throws IllegalArgumentException if {@code store} or {@code key} does not match {@code [a-zA-Z][a-zA-Z0-9_-]*},
     *                                  or {@code line} or {@code column} is below 1
     */
    public SpicepodReference {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(key, "key");
        if (!SpicepodScanner.isIdentifier(store) || !SpicepodScanner.isIdentifier(key)) {
            throw new IllegalArgumentException("store and key must match " + SpicepodReferences.IDENTIFIER_RULE
                    + ": " + QuotedName.of(store) + ", " + QuotedName.of(key));
        }
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, were " + line + ", " + column);
        }
    }

    /**
     * The reference in its plain form.
     *
     * @return e.g. {@code ${secrets:PG_PASS}}
     */
    public String text() {
        return "${" + store + ":" + key + "}";
    }
}
