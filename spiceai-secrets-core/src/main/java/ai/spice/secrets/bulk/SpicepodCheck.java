package ai.spice.secrets.bulk;

import ai.spice.secrets.SecretName;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A spicepod checked against an app's secrets, from {@link ai.spice.secrets.SecretsClient#checkSpicepod} or
 * {@link #of(SpicepodReferences, Collection)}: the {@code ${secrets:NAME}} references the app cannot satisfy, the
 * secrets nothing references, and the malformed references. {@link #isClean()} tells whether the spicepod will find
 * every secret it names; unreferenced and unreferenceable secrets are worth a look but break nothing.
 *
 * <pre>{@code
 * SpicepodCheck check = client.checkSpicepod(appId, Path.of("spicepod.yaml"));
 * System.out.println(check);
 * if (!check.isClean()) {
 *     System.exit(1);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Holds names only, never a value.
 *
 * @param source          where the spicepod came from: a file name, or {@code <string>}
 * @param references      the {@code ${secrets:...}} references, in the order of the spicepod
 * @param missing         the keys referenced as {@code ${secrets:KEY}} that the app does not have, each once, in the
 *                        order of their first reference
 * @param unreferenced    the app's secrets that the spicepod could reference but does not, in the order given
 * @param unreferenceable the app's secrets whose names no spicepod can reference (keys must start with a letter, so a
 *                        name such as {@code _internal_api_key} cannot be), in the order given
 * @param malformed       the malformed references, in the order of the spicepod
 */
public record SpicepodCheck(String source, List<SpicepodReference> references, List<String> missing,
                            List<String> unreferenced, List<String> unreferenceable, List<MalformedReference> malformed) {

    /**
     * Copies the lists.
     *
     * @param source          where the spicepod came from
     * @param references      the secrets references
     * @param missing         the referenced keys the app lacks
     * @param unreferenced    the app's secrets not referenced
     * @param unreferenceable the app's secrets that cannot be referenced
     * @param malformed       the malformed references
     * @throws NullPointerException if an argument or an element is null
     */
    public SpicepodCheck {
        Objects.requireNonNull(source, "source");
        references = List.copyOf(Objects.requireNonNull(references, "references"));
        missing = List.copyOf(Objects.requireNonNull(missing, "missing"));
        unreferenced = List.copyOf(Objects.requireNonNull(unreferenced, "unreferenced"));
        unreferenceable = List.copyOf(Objects.requireNonNull(unreferenceable, "unreferenceable"));
        malformed = List.copyOf(Objects.requireNonNull(malformed, "malformed"));
    }

    /**
     * Checks scanned references against a set of secret names, with no request: for example the names of a
     * {@code .env} file about to be imported.
     *
     * @param spicepod       the scanned spicepod
     * @param appSecretNames the names of the app's secrets, case-sensitive
     * @return the report
     * @throws NullPointerException if an argument or a name is null
     */
    public static SpicepodCheck of(SpicepodReferences spicepod, Collection<String> appSecretNames) {
        Objects.requireNonNull(spicepod, "spicepod");
        Set<String> names = new LinkedHashSet<>();
        Objects.requireNonNull(appSecretNames, "appSecretNames").forEach(name -> names.add(Objects.requireNonNull(name, "name")));
        List<String> referenced = spicepod.secretNames();
        return new SpicepodCheck(spicepod.source(), spicepod.inStore(SpicepodReferences.SECRETS_STORE),
                referenced.stream().filter(name -> !names.contains(name)).toList(),
                names.stream().filter(name -> SpicepodScanner.isIdentifier(name) && !referenced.contains(name)).toList(),
                names.stream().filter(name -> !SpicepodScanner.isIdentifier(name)).toList(),
                spicepod.malformed());
    }

    /**
     * Tells whether every secret the spicepod references exists and no reference is malformed.
     *
     * @return true if {@link #missing()} and {@link #malformed()} are empty
     */
    public boolean isClean() {
        return missing.isEmpty() && malformed.isEmpty();
    }

    /**
     * Shows the report, one finding per line, names only.
     *
     * @return a multi-line report ending in a summary line
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Spicepod check of ").append(source).append(": ")
                .append(references.size()).append(" secrets references\n");
        if (!missing.isEmpty()) {
            text.append("missing (referenced, but the app has no such secret):\n");
            for (String name : missing) {
                text.append("  ").append(name).append(" (line ").append(firstLine(name)).append(')')
                        .append(SecretName.isValid(name) ? "" : ": not a valid secret name, so no app can have it")
                        .append('\n');
            }
        }
        if (!malformed.isEmpty()) {
            text.append("malformed references (the runtime leaves them as written):\n");
            malformed.forEach(m -> text.append("  line ").append(m.line()).append(", column ").append(m.column())
                    .append(": ").append(m.text()).append(": ").append(m.reason()).append('\n'));
        }
        if (!unreferenced.isEmpty()) {
            text.append("unreferenced (in the app, not in the spicepod):\n");
            unreferenced.forEach(name -> text.append("  ").append(name).append('\n'));
        }
        if (!unreferenceable.isEmpty()) {
            text.append("unreferenceable (a spicepod key must start with a letter):\n");
            unreferenceable.forEach(name -> text.append("  ").append(name).append('\n'));
        }
        return text.append(isClean() ? "OK" : "PROBLEMS").append(": ").append(missing.size()).append(" missing, ")
                .append(malformed.size()).append(" malformed, ").append(unreferenced.size()).append(" unreferenced, ")
                .append(unreferenceable.size()).append(" unreferenceable").toString();
    }

    private int firstLine(String name) {
        return references.stream().filter(reference -> reference.key().equals(name)).mapToInt(SpicepodReference::line)
                .findFirst().orElse(0);
    }
}
