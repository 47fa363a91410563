package ai.spice.secrets.internal.spicepod;

import ai.spice.secrets.bulk.MalformedReference;
import ai.spice.secrets.bulk.SpicepodReference.Kind;
import ai.spice.secrets.bulk.SpicepodReference;
import ai.spice.secrets.bulk.SpicepodReferences;
import ai.spice.secrets.internal.spicepod.Places.Place;
import ai.spice.secrets.internal.spicepod.SecretLexer.Match;
import ai.spice.secrets.internal.spicepod.SecretLexer.Miss;
import ai.spice.secrets.internal.spicepod.SnakeYamlReader.StoreEntry;
import ai.spice.secrets.internal.spicepod.SnakeYamlReader.Style;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects the references of every scalar the reader hands over, with their kind, place and position. */
final class SpicepodScan implements SnakeYamlReader.Visitor {

    private static final String BOOTSTRAP_ONLY = "a secret store's params may only reference ${env:KEY} or"
            + " ${secrets:KEY} (resolved from the environment before any store loads); the runtime refuses to load"
            + " the store";

    private final SpicepodText text;
    private final List<SpicepodReferences.Store> stores = new ArrayList<>();
    private final Map<String, String> providers = new HashMap<>();
    private final List<SpicepodReference> references = new ArrayList<>();
    private final List<SpicepodReference> unsubstituted = new ArrayList<>();
    private final List<MalformedReference> malformed = new ArrayList<>();

    private SpicepodScan(SpicepodText text) {
        this.text = text;
    }

    static SpicepodReferences scan(SpicepodText text) {
        SpicepodScan scan = new SpicepodScan(text);
        SnakeYamlReader.read(text, scan);
        return new SpicepodReferences(text.source, scan.references, scan.unsubstituted, scan.malformed,
                scan.stores);
    }

    @Override
    public void stores(List<StoreEntry> entries) {
        List<StoreEntry> loaded = entries.isEmpty() ? List.of(new StoreEntry("env", "env")) : entries;
        for (StoreEntry entry : loaded) {
            String provider = entry.from().split(":", -1)[0];
            stores.add(new SpicepodReferences.Store(entry.name(), provider));
            providers.putIfAbsent(entry.name(), provider);
        }
    }

    @Override
    public void scalar(String value, Style style, int start, int end, List<Object> path, boolean key) {
        if (!value.contains("${")) {
            return;
        }
        SecretLexer.Result found = SecretLexer.scan(value,
                Limits.MAX_REFERENCES - references.size() - unsubstituted.size() - malformed.size());
        Place place = Places.of(path, key);
        ScalarPositions positions = new ScalarPositions(text.text, value, style, start, end);
        String where = render(path, key);
        for (Match match : found.matches()) {
            int at = positions.fileOffset(match.start());
            Kind kind = place == Place.BOOTSTRAP ? bootstrapKind(match.store()) : kind(match.store());
            if (kind == null) {
                add(new MalformedReference(MalformedReasons.text(value, match.start()), where, text.line(at),
                        text.column(at), BOOTSTRAP_ONLY));
            } else {
                SpicepodReference reference = new SpicepodReference(match.store(), match.key(), kind, where,
                        text.line(at), text.column(at));
                (place == Place.NOT_SUBSTITUTED ? unsubstituted : references).add(reference);
                checkCount(at);
            }
        }
        if (place != Place.NOT_SUBSTITUTED) {
            for (Miss miss : found.misses()) {
                int at = positions.fileOffset(miss.start());
                add(new MalformedReference(MalformedReasons.text(value, miss.start()), where, text.line(at),
                        text.column(at), MalformedReasons.reason(value, miss.start(), miss.cause())));
            }
        }
    }

    private void add(MalformedReference reference) {
        malformed.add(reference);
        checkCount(-1);
    }

    private void checkCount(int at) {
        if (references.size() + unsubstituted.size() + malformed.size() > Limits.MAX_REFERENCES) {
            throw text.error(Math.max(at, 0), "more than " + Limits.MAX_REFERENCES + " references");
        }
    }

    private Kind kind(String store) {
        if (store.equals(SpicepodReferences.SECRETS_STORE)) {
            return Kind.SECRETS;
        }
        String provider = providers.get(store);
        return provider == null ? Kind.UNDEFINED_STORE : provider.equals("env") ? Kind.ENV : Kind.STORE;
    }

    private static Kind bootstrapKind(String store) {
        return store.equals("env") || store.equals(SpicepodReferences.SECRETS_STORE) ? Kind.ENV : null;
    }

    /** e.g. {@code datasets[0].params.pg_pass}; a key of a mapping is the mapping's path and {@code  (key)}. */
    static String render(List<Object> path, boolean key) {
        StringBuilder rendered = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                rendered.append('[').append(index).append(']');
            } else {
                String name = (String) segment;
                if (rendered.length() > 0) {
                    rendered.append('.');
                }
                rendered.append(name.isEmpty() ? "?" : name.matches("[A-Za-z0-9_-]{1,64}") ? name
                        : ai.spice.secrets.internal.names.QuotedName.of(name));
            }
        }
        if (rendered.length() == 0) {
            rendered.append("(root)");
        }
        return key ? rendered.append(" (key)").toString() : rendered.toString();
    }
}
