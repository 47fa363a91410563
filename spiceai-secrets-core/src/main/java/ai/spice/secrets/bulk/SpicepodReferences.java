package ai.spice.secrets.bulk;

import ai.spice.secrets.internal.spicepod.SpicepodReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code ${store:KEY}} references of a spicepod, found as the Spice runtime finds them: the file is read with a
 * YAML parser, each value is taken as YAML defines it (plain, quoted with its escapes, block and folded scalars,
 * aliases and {@code <<} merges), and each value is searched with the runtime's own matcher.
 *
 * <pre>{@code
 * SpicepodReferences found = SpicepodReferences.read(Path.of("spicepod.yaml"));
 * found.secretNames().forEach(System.out::println);             // OPENAI_API_KEY, PG_PASS, ...
 * found.malformed().forEach(m -> System.out.println("line " + m.line() + ": " + m.reason()));
 * }</pre>
 *
 * <p>The matcher's rules: <code>${</code>, a store, {@code :}, a key, <code>}</code>, where store and key both match
 * {@code [a-zA-Z][a-zA-Z0-9_-]*} and blanks (space, tab, line feed, form feed) may stand between them; so
 * {@code ${ secrets : PG_PASS }} is {@code ${secrets:PG_PASS}}, and a reference may sit inside a longer value such as
 * {@code postgres://user:${secrets:PG_PASS}@host/db}. A <code>${</code> followed by anything else is a
 * {@link MalformedReference}; where it is followed by a character no reference can hold ({@code ${secrets:api.key}},
 * {@code ${secrets:_key}}, <code>${{</code>), the runtime stops reading that value, and the references after it are
 * malformed too.
 *
 * <p>The places the runtime substitutes: values (never keys) inside any {@code params} or {@code dataset_params}
 * mapping of a component (datasets, views, catalogs, models, embeddings, tools, workers, and their acceleration,
 * vector and state stores), a tool's {@code env}, and {@code runtime.tls} {@code certificate}, {@code key},
 * {@code certificate_file} and {@code key_file}; a secret store's {@code params} are substituted from the environment
 * only. References anywhere else are listed apart, in {@link #unsubstituted()}; comments are not values, so a
 * reference in a comment is not found at all.
 *
 * <p>Reading needs the optional dependency {@code org.snakeyaml:snakeyaml-engine}. A spicepod is read within fixed
 * limits: at most 4 MiB of text, 64 levels of nesting, 10,000 aliases to mappings or lists, 1,000,000 nodes once
 * aliases are expanded and 100,000 references; beyond them, or for invalid YAML, a
 * {@link ai.spice.secrets.errors.SpicepodException} says where, without quoting the file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source        where the text came from: a file name, or {@code <string>}
 * @param references    the well-formed references in places the runtime substitutes, in the order of the document
 *                      (a value reached through several aliases is listed at each)
 * @param unsubstituted the well-formed references in places the runtime leaves as written, in the same order
 * @param malformed     the malformed references in places the runtime substitutes, in the same order
 * @param stores        the secret stores the runtime would load: the {@code secrets:} section's entries, or the
 *                      default {@code env} store when there are none
 */
public record SpicepodReferences(String source, List<SpicepodReference> references,
                                 List<SpicepodReference> unsubstituted, List<MalformedReference> malformed,
                                 List<Store> stores) {

    /** The store that means every configured store: {@code ${secrets:NAME}}. */
    public static final String SECRETS_STORE = "secrets";

    /** The rule for stores and keys, as the Spice runtime's matcher has it. */
    public static final String IDENTIFIER_RULE = "[a-zA-Z][a-zA-Z0-9_-]*";

    /**
     * One secret store the runtime would load.
     *
     * @param name     the name references use, as in {@code ${name:KEY}}
     * @param provider the store type: {@code from} up to its first {@code :}, e.g. {@code env}, {@code kubernetes}
     */
    public record Store(String name, String provider) {

        /**
         * Checks the components.
         *
         * @param name     the name
         * @param provider the store type
         * @throws NullPointerException if an argument is null
         */
        public Store {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(provider, "provider");
        }
    }

    /**
     * Copies the lists.
     *
     * @param source        where the text came from
     * @param references    the references the runtime substitutes
     * @param unsubstituted the references it leaves as written
     * @param malformed     the malformed ones
     * @param stores        the stores it would load
     * @throws NullPointerException if an argument or an element is null
     */
    public SpicepodReferences {
        Objects.requireNonNull(source, "source");
        references = List.copyOf(Objects.requireNonNull(references, "references"));
        unsubstituted = List.copyOf(Objects.requireNonNull(unsubstituted, "unsubstituted"));
        malformed = List.copyOf(Objects.requireNonNull(malformed, "malformed"));
        stores = List.copyOf(Objects.requireNonNull(stores, "stores"));
    }

    /**
     * Reads a spicepod file, in UTF-8.
     *
     * @param spicepod the file, e.g. {@code spicepod.yaml}
     * @return what was found; {@link #source()} is the file's path
     * @throws NullPointerException                      if {@code spicepod} is null
     * @throws UncheckedIOException                      if the file cannot be read or is not UTF-8
     * @throws ai.spice.secrets.errors.SpicepodException if it is not valid YAML, is over a limit, or the YAML parser
     *                                                   is absent
     */
    public static SpicepodReferences read(Path spicepod) {
        return SpicepodReader.read(Objects.requireNonNull(spicepod, "spicepod"));
    }

    /**
     * Reads spicepod text.
     *
     * @param spicepod the text
     * @return what was found; {@link #source()} is {@code <string>}
     * @throws NullPointerException                      if {@code spicepod} is null
     * @throws ai.spice.secrets.errors.SpicepodException if it is not valid YAML, is over a limit, or the YAML parser
     *                                                   is absent
     */
    public static SpicepodReferences parse(String spicepod) {
        return SpicepodReader.parse(Objects.requireNonNull(spicepod, "spicepod"), DotEnv.STRING_SOURCE);
    }

    /**
     * The substituted references to one store, as written.
     *
     * @param store e.g. {@link #SECRETS_STORE} or {@code "env"}; case-sensitive
     * @return those references, in the order of the document
     * @throws NullPointerException if {@code store} is null
     */
    public List<SpicepodReference> inStore(String store) {
        Objects.requireNonNull(store, "store");
        return references.stream().filter(reference -> reference.store().equals(store)).toList();
    }

    /**
     * The keys referenced as {@code ${secrets:KEY}} where the runtime substitutes, each once.
     *
     * @return the keys, in the order of their first reference
     */
    public List<String> secretNames() {
        return inStore(SECRETS_STORE).stream().map(SpicepodReference::key).distinct().toList();
    }

    /**
     * Tells whether the runtime would load an env store, the way an app's secrets (environment variables) reach it:
     * true with no {@code secrets:} section, or with an entry {@code from: env}.
     *
     * @return whether an env store is among {@link #stores()}
     */
    public boolean readsEnvironment() {
        return stores.stream().anyMatch(store -> store.provider().equals("env"));
    }

    /**
     * Shows the counts.
     *
     * @return e.g. {@code SpicepodReferences[spicepod.yaml: 4 references, 1 unsubstituted, 1 malformed]}
     */
    @Override
    public String toString() {
        return "SpicepodReferences[" + source + ": " + references.size() + " references, " + unsubstituted.size()
                + " unsubstituted, " + malformed.size() + " malformed]";
    }
}
