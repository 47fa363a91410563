package ai.spice.secrets.bulk;

import ai.spice.secrets.internal.names.QuotedName;
import ai.spice.secrets.internal.spicepod.SecretLexer;
import java.util.Objects;

/**
 * One well-formed {@code ${store:KEY}} reference found in a spicepod value, such as {@code ${secrets:PG_PASS}} or
 * {@code ${ env : HOME }}, with what would answer it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param store  the store as written, e.g. {@code secrets}, {@code env} or a store the spicepod configures
 * @param key    the key within the store, e.g. {@code PG_PASS}
 * @param kind   what answers the reference, given the spicepod's {@code secrets:} section
 * @param path   where the value sits, e.g. {@code datasets[0].params.pg_pass}; a key ends in {@code  (key)}
 * @param line   the 1-based line of the reference's {@code $}, or of the value's start where the file does not spell
 *               the reference as written (an escape such as {@code \x24}, or a reference folded across lines)
 * @param column the 1-based column of the same, counted in UTF-16 code units
 */
public record SpicepodReference(String store, String key, Kind kind, String path, int line, int column) {

    /** What answers a reference. */
    public enum Kind {
        /**
         * {@code ${secrets:KEY}}: every configured store in precedence order; an app's secrets reach it through the
         * env store, which also tries the key upper-cased.
         */
        SECRETS,
        /**
         * A store with {@code from: env} ({@code ${env:KEY}} by default): an environment variable, which is an app
         * secret of that name (or of the upper-cased name) or a variable set elsewhere. A secret store's own
         * {@code params} are always resolved this way.
         */
        ENV,
        /** Another store that the spicepod's {@code secrets:} section configures: not checked against the app. */
        STORE,
        /** A store that no {@code secrets:} entry names: the runtime leaves the parameter empty. */
        UNDEFINED_STORE
    }

    /**
     * Checks the components.
     *
     * @param store  the secret store
     * @param key    the key within the store
     * @param kind   what answers it
     * @param path   where the value sits
     * @param line   the 1-based line
     * @param column the 1-based column
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code store} or {@code key} does not match {@code [a-zA-Z][a-zA-Z0-9_-]*},
     *                                  or {@code line} or {@code column} is below 1
     */
    public SpicepodReference {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        if (!SecretLexer.isIdentifier(store) || !SecretLexer.isIdentifier(key)) {
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
