package ai.spice.secrets.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code ${store:KEY}} references of a spicepod, found by scanning its text as the Spice runtime does, and the
 * things that look like references but are not.
 *
 * <pre>{@code
 * SpicepodReferences found = SpicepodReferences.scan(Path.of("spicepod.yaml"));
 * found.secretNames().forEach(System.out::println);             // OPENAI_API_KEY, PG_PASS, ...
 * found.malformed().forEach(m -> System.out.println("line " + m.line() + ": " + m.reason()));
 * }</pre>
 *
 * <p>The rules: a reference is <code>${</code>, optional blanks, a store, optional blanks, {@code :}, optional blanks, a
 * key, optional blanks, <code>}</code>, where store and key both match {@code [a-zA-Z][a-zA-Z0-9_-]*}; so
 * {@code ${ secrets : PG_PASS }} is the same as {@code ${secrets:PG_PASS}}, and a reference may sit inside a longer
 * value such as {@code postgres://user:${secrets:PG_PASS}@host/db}. Anything else that starts with <code>${</code> is
 * reported as a {@link MalformedReference} with a reason: {@code ${secrets::NAME}}, {@code ${NAME}} with no store,
 * {@code ${secrets:_NAME}}, a <code>${</code> not closed on its line. The YAML is not parsed: lines whose first non-blank
 * character is {@code #} are skipped, and so is a trailing comment (a {@code #} after a blank, outside quotes).
 *
 * <p>Immutable and thread-safe.
 *
 * @param source     where the text came from: a file name, or {@code <string>}
 * @param references the well-formed references, in the order of the text
 * @param malformed  the malformed ones, in the order of the text
 */
public record SpicepodReferences(String source, List<SpicepodReference> references, List<MalformedReference> malformed) {

    /** The store of Spice.ai secrets: {@code ${secrets:NAME}}. */
    public static final String SECRETS_STORE = "secrets";

    /** The rule for stores and keys, as the Spice runtime's tokenizer has it. */
    public static final String IDENTIFIER_RULE = "[a-zA-Z][a-zA-Z0-9_-]*";

    /**
     * Copies the lists.
     *
     * @param source     where the text came from
     * @param references the well-formed references
     * @param malformed  the malformed ones
     * @throws NullPointerException if an argument or an element is null
     */
    public SpicepodReferences {
        Objects.requireNonNull(source, "source");
        references = List.copyOf(Objects.requireNonNull(references, "references"));
        malformed = List.copyOf(Objects.requireNonNull(malformed, "malformed"));
    }

    /**
     * Scans a spicepod file, in UTF-8.
     *
     * @param spicepod the file, e.g. {@code spicepod.yaml}
     * @return what was found; {@link #source()} is the file's path
     * @throws NullPointerException if {@code spicepod} is null
     * @throws UncheckedIOException if the file cannot be read or is not UTF-8
     */
    public static SpicepodReferences scan(Path spicepod) {
        Objects.requireNonNull(spicepod, "spicepod");
        try {
            return scan(Files.readString(spicepod, StandardCharsets.UTF_8), spicepod.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + spicepod, e);
        }
    }

    /**
     * Scans spicepod text.
     *
     * @param spicepod the text
     * @return what was found; {@link #source()} is {@code <string>}
     * @throws NullPointerException if {@code spicepod} is null
     */
    public static SpicepodReferences scan(String spicepod) {
        return scan(Objects.requireNonNull(spicepod, "spicepod"), DotEnv.STRING_SOURCE);
    }

    private static SpicepodReferences scan(String text, String source) {
        SpicepodScanner scanner = new SpicepodScanner();
        scanner.scan(text);
        return new SpicepodReferences(source, scanner.references, scanner.malformed);
    }

    /**
     * The references to one store.
     *
     * @param store e.g. {@link #SECRETS_STORE} or {@code "env"}; case-sensitive
     * @return those references, in the order of the text
     * @throws NullPointerException if {@code store} is null
     */
    public List<SpicepodReference> inStore(String store) {
        Objects.requireNonNull(store, "store");
        return references.stream().filter(reference -> reference.store().equals(store)).toList();
    }

    /**
     * The keys referenced as {@code ${secrets:KEY}}, each once.
     *
     * @return the keys, in the order of their first reference
     */
    public List<String> secretNames() {
        return inStore(SECRETS_STORE).stream().map(SpicepodReference::key).distinct().toList();
    }

    /**
     * Shows the counts.
     *
     * @return e.g. {@code SpicepodReferences[spicepod.yaml: 4 references, 1 malformed]}
     */
    @Override
    public String toString() {
        return "SpicepodReferences[" + source + ": " + references.size() + " references, " + malformed.size()
                + " malformed]";
    }
}
