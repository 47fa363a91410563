package ai.spice.secrets.bulk;

import ai.spice.secrets.internal.spicepod.CheckReport;
import ai.spice.secrets.internal.spicepod.CheckResolver;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A spicepod checked against an app's secrets, from {@link ai.spice.secrets.SecretsClient#checkSpicepod} or
 * {@link #of(SpicepodReferences, Collection, SpicepodCheckOptions)}: what answers each reference, the references
 * nothing answers, the app's secrets nothing references, and the malformed references. {@link #isClean()} tells
 * whether every reference will resolve; unreferenced and unreferenceable secrets are worth a look but break nothing.
 *
 * <pre>{@code
 * SpicepodCheck check = client.checkSpicepod(appId, Path.of("spicepod.yaml"));
 * System.out.println(check);
 * if (!check.isClean()) {
 *     System.exit(1);
 * }
 * }</pre>
 *
 * <p>App secrets reach the runtime as environment variables, through the env store, which looks a key up as
 * {@code SPICE_key}, {@code key}, {@code SPICE_KEY} and {@code KEY} (upper-cased), first found wins. So
 * {@code ${secrets:my_pg_user}} and {@code ${env:my_pg_user}} are answered by an app secret {@code MY_PG_USER}
 * ({@link Resolution#APP_SECRET_UPPERCASED}), and {@code ${env:NAME}} by an app secret {@code NAME}. When the
 * spicepod's {@code secrets:} section configures stores but no env store, app secrets cannot answer at all.
 *
 * <p>Immutable and thread-safe. Holds names only, never a value.
 *
 * @param source          where the spicepod came from: a file name, or {@code <string>}
 * @param references      every reference the runtime substitutes, with what answers it, in the order of the spicepod
 * @param missing         the keys of references that nothing answers, each once, in the order of their first
 *                        reference
 * @param unreferenced    the app's secrets that the spicepod could reference but does not, in the order given
 * @param unreferenceable the app's secrets whose names no spicepod can reference (keys must start with a letter, so a
 *                        name such as {@code _internal_api_key} cannot be), in the order given
 * @param unsubstituted   well-formed references in places the runtime leaves as written, in the order of the spicepod
 * @param malformed       the malformed references, in the order of the spicepod
 */
public record SpicepodCheck(String source, List<ResolvedReference> references, List<String> missing,
                            List<String> unreferenced, List<String> unreferenceable,
                            List<SpicepodReference> unsubstituted, List<MalformedReference> malformed) {

    /** What answers a reference. */
    public enum Resolution {
        /** An app secret of the key's name (or {@code SPICE_} and the name), through the env store. */
        APP_SECRET,
        /** An app secret of the upper-cased key, which the env store also tries. */
        APP_SECRET_UPPERCASED,
        /** A name given as available elsewhere ({@link SpicepodCheckOptions#availableElsewhere()}). */
        AVAILABLE_ELSEWHERE,
        /** A store of the spicepod's {@code secrets:} section other than env: not checked against the app. */
        CONFIGURED_STORE,
        /** A store no {@code secrets:} entry names: the runtime leaves the parameter empty. */
        UNDEFINED_STORE,
        /**
         * Nothing: no app secret, nothing available elsewhere. For {@code ${env:...}}, it would have to be an
         * environment variable set some other way.
         */
        MISSING
    }

    /**
     * One reference and what answers it.
     *
     * @param reference  the reference
     * @param resolution what answers it
     * @param answeredBy the app secret or name available elsewhere that answers it, e.g. {@code MY_PG_USER} for
     *                   {@code ${secrets:my_pg_user}}; empty unless an app secret or a name available elsewhere does
     */
    public record ResolvedReference(SpicepodReference reference, Resolution resolution, Optional<String> answeredBy) {

        /**
         * Checks the components.
         *
         * @param reference  the reference
         * @param resolution what answers it
         * @param answeredBy the name that answers it, if any
         * @throws NullPointerException if an argument is null
         */
        public ResolvedReference {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(resolution, "resolution");
            Objects.requireNonNull(answeredBy, "answeredBy");
        }
    }

    /**
     * Copies the lists.
     *
     * @param source          where the spicepod came from
     * @param references      the references with what answers them
     * @param missing         the keys nothing answers
     * @param unreferenced    the app's secrets not referenced
     * @param unreferenceable the app's secrets that cannot be referenced
     * @param unsubstituted   the references the runtime leaves as written
     * @param malformed       the malformed references
     * @throws NullPointerException if an argument or an element is null
     */
    public SpicepodCheck {
        Objects.requireNonNull(source, "source");
        references = List.copyOf(Objects.requireNonNull(references, "references"));
        missing = List.copyOf(Objects.requireNonNull(missing, "missing"));
        unreferenced = List.copyOf(Objects.requireNonNull(unreferenced, "unreferenced"));
        unreferenceable = List.copyOf(Objects.requireNonNull(unreferenceable, "unreferenceable"));
        unsubstituted = List.copyOf(Objects.requireNonNull(unsubstituted, "unsubstituted"));
        malformed = List.copyOf(Objects.requireNonNull(malformed, "malformed"));
    }

    /**
     * Checks references against a set of secret names, with no request and nothing available elsewhere: for example
     * the names of a {@code .env} file about to be imported.
     *
     * @param spicepod       the spicepod's references
     * @param appSecretNames the names of the app's secrets, case-sensitive
     * @return the report
     * @throws NullPointerException if an argument or a name is null
     */
    public static SpicepodCheck of(SpicepodReferences spicepod, Collection<String> appSecretNames) {
        return of(spicepod, appSecretNames, SpicepodCheckOptions.defaults());
    }

    /**
     * Checks references against a set of secret names, with no request.
     *
     * @param spicepod       the spicepod's references
     * @param appSecretNames the names of the app's secrets, case-sensitive
     * @param options        the names available elsewhere
     * @return the report
     * @throws NullPointerException if an argument or a name is null
     */
    public static SpicepodCheck of(SpicepodReferences spicepod, Collection<String> appSecretNames,
                                   SpicepodCheckOptions options) {
        Objects.requireNonNull(spicepod, "spicepod");
        Objects.requireNonNull(appSecretNames, "appSecretNames").forEach(name -> Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(options, "options");
        return CheckResolver.check(spicepod, appSecretNames, options.availableElsewhere());
    }

    /**
     * The references with one resolution.
     *
     * @param resolution e.g. {@link Resolution#UNDEFINED_STORE}
     * @return those references, in the order of the spicepod
     * @throws NullPointerException if {@code resolution} is null
     */
    public List<ResolvedReference> resolvedAs(Resolution resolution) {
        Objects.requireNonNull(resolution, "resolution");
        return references.stream().filter(reference -> reference.resolution() == resolution).toList();
    }

    /**
     * Tells whether every reference will resolve: none missing, none to an undefined store, none malformed.
     * References to other configured stores are not checked and count as resolving.
     *
     * @return true if {@link #missing()} and {@link #malformed()} are empty and no reference is to an undefined store
     */
    public boolean isClean() {
        return missing.isEmpty() && malformed.isEmpty() && resolvedAs(Resolution.UNDEFINED_STORE).isEmpty();
    }

    /**
     * Shows the report, one finding per line, names only.
     *
     * @return a multi-line report ending in a summary line
     */
    @Override
    public String toString() {
        return CheckReport.render(this);
    }
}
