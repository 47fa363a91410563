package ai.spice.secrets.internal.spicepod;

import ai.spice.secrets.errors.SpicepodException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The only class that touches SnakeYAML Engine: parses the text within {@link Limits}, composes the one document
 * (aliases become shared nodes), applies merge keys ({@code <<}) as the runtime's loader does, and hands every scalar
 * to a {@link Visitor} with its value as YAML defines it, its style, its place in the file and its path. Parser errors
 * become a {@link SpicepodException} whose reason is chosen here, never the parser's message, which may quote the
 * text.
 */
final class SnakeYamlReader {

    /** A scalar's style, as written. */
    enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }

    /** One entry of the {@code secrets:} section. */
    record StoreEntry(String name, String from) {
    }

    /** Told of the secret stores first, then of every scalar, in document order, aliases expanded. */
    interface Visitor {
        void stores(List<StoreEntry> stores);

        /** Offsets are UTF-16 offsets into the text; {@code path} is only valid during the call. */
        void scalar(String value, Style style, int start, int end, List<Object> path, boolean key);
    }

    private static final String MERGE = "<<";

    private final SpicepodText text;
    private final Visitor visitor;
    private final List<Object> path = new ArrayList<>();
    private final Set<Node> active = Collections.newSetFromMap(new IdentityHashMap<>());
    private int visited;

    private SnakeYamlReader(SpicepodText text, Visitor visitor) {
        this.text = text;
        this.visitor = visitor;
    }

    static void read(SpicepodText text, Visitor visitor) {
        new SnakeYamlReader(text, visitor).read();
    }

    private void read() {
        LoadSettings settings = LoadSettings.builder()
                .setCodePointLimit(Limits.MAX_CHARS)
                .setMaxAliasesForCollections(Limits.MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                .setEnvConfig(Optional.empty())
                .setParseComments(false)
                .setUseMarks(true)
                .build();
        Optional<Node> root;
        try {
            checkNesting(settings);
            root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text.text)))
                    .getSingleNode();
        } catch (MarkedYamlEngineException e) {
            throw text.error(offset(e.getProblemMark().or(e::getContextMark)), YamlProblems.reason(e));
        } catch (ReaderException e) {
            throw text.error(text.offset(e.getPosition()), "a character YAML does not allow in a document");
        } catch (YamlEngineException e) {
            throw new SpicepodException(text.source, YamlProblems.reason(e));
        }
        visitor.stores(root.map(this::stores).orElse(List.of()));
        root.ifPresent(node -> walk(node, false));
    }

    /** Refuses deep nesting on the parser's event stream, which has no recursion, before the composer recurses. */
    private void checkNesting(LoadSettings settings) {
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text.text));
        int depth = 0;
        while (parser.hasNext()) {
            Event event = parser.next();
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > Limits.MAX_DEPTH) {
                        throw text.error(offset(event.getStartMark()), tooDeep());
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
    }

    private List<StoreEntry> stores(Node root) {
        List<StoreEntry> stores = new ArrayList<>();
        if (root instanceof MappingNode mapping) {
            for (NodeTuple entry : entries(mapping)) {
                if (isScalar(entry.getKeyNode(), "secrets") && entry.getValueNode() instanceof SequenceNode items) {
                    for (Node item : items.getValue()) {
                        if (item instanceof MappingNode store) {
                            String name = scalarValue(store, "name");
                            String from = scalarValue(store, "from");
                            if (name != null && from != null) {
                                stores.add(new StoreEntry(name, from));
                            }
                        }
                    }
                }
            }
        }
        return stores;
    }

    private String scalarValue(MappingNode mapping, String key) {
        for (NodeTuple entry : entries(mapping)) {
            if (isScalar(entry.getKeyNode(), key) && entry.getValueNode() instanceof ScalarNode value) {
                return value.getValue();
            }
        }
        return null;
    }

    private void walk(Node node, boolean key) {
        count(node);
        if (node instanceof ScalarNode scalar) {
            visitor.scalar(scalar.getValue(), style(scalar.getScalarStyle()), offset(node.getStartMark()),
                    offset(node.getEndMark()), path, key);
            return;
        }
        enter(node);
        if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                path.add(i);
                walk(items.get(i), key);
                path.remove(path.size() - 1);
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : entries(mapping)) {
                Node keyNode = entry.getKeyNode();
                walk(keyNode, true);
                path.add(keyNode instanceof ScalarNode scalar ? scalar.getValue() : "");
                walk(entry.getValueNode(), key);
                path.remove(path.size() - 1);
            }
        }
        active.remove(node);
    }

    private void count(Node node) {
        if (++visited > Limits.MAX_NODES) {
            throw text.error(offset(node.getStartMark()), "aliases expand the document to more than "
                    + Limits.MAX_NODES + " nodes");
        }
    }

    private void enter(Node node) {
        if (!active.add(node)) {
            throw text.error(offset(node.getStartMark()), "an alias refers to a node that contains it");
        }
        if (active.size() > Limits.MAX_DEPTH) {
            throw text.error(offset(node.getStartMark()), tooDeep());
        }
    }

    /**
     * A mapping's entries with merge keys applied: each {@code <<} is replaced by the entries of the mapping (or the
     * mappings, in order) it names, less the keys the mapping itself or an earlier merge already has. Duplicate keys
     * are refused, as the runtime's loader does.
     */
    private List<NodeTuple> entries(MappingNode mapping) {
        List<NodeTuple> own = mapping.getValue();
        Set<String> keys = new HashSet<>();
        for (NodeTuple entry : own) {
            if (entry.getKeyNode() instanceof ScalarNode key && !isMerge(key) && !keys.add(key.getValue())) {
                throw text.error(offset(key.getStartMark()), "a key appears twice in one mapping");
            }
        }
        boolean merges = own.stream().anyMatch(entry -> isMerge(entry.getKeyNode()));
        if (!merges) {
            return own;
        }
        List<NodeTuple> entries = new ArrayList<>();
        for (NodeTuple entry : own) {
            if (!isMerge(entry.getKeyNode())) {
                entries.add(entry);
                continue;
            }
            Node merged = entry.getValueNode();
            List<Node> sources = merged instanceof SequenceNode list ? list.getValue() : List.of(merged);
            for (Node source : sources) {
                if (!(source instanceof MappingNode sourceMapping)) {
                    throw text.error(offset(source.getStartMark()), "a merge key (<<) must name a mapping or a list"
                            + " of mappings");
                }
                count(sourceMapping);
                enter(sourceMapping);
                for (NodeTuple inherited : entries(sourceMapping)) {
                    if (!(inherited.getKeyNode() instanceof ScalarNode key) || keys.add(key.getValue())) {
                        entries.add(inherited);
                    }
                }
                active.remove(sourceMapping);
            }
        }
        return entries;
    }

    private static boolean isMerge(Node node) {
        return node instanceof ScalarNode scalar && scalar.getScalarStyle() == ScalarStyle.PLAIN
                && MERGE.equals(scalar.getValue());
    }

    private static boolean isScalar(Node node, String value) {
        return node instanceof ScalarNode scalar && value.equals(scalar.getValue());
    }

    private int offset(Optional<Mark> mark) {
        return mark.map(m -> text.offset(m.getIndex())).orElse(0);
    }

    private static String tooDeep() {
        return "nested deeper than " + Limits.MAX_DEPTH + " levels";
    }

    private static Style style(ScalarStyle style) {
        return switch (style) {
            case SINGLE_QUOTED -> Style.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> Style.DOUBLE_QUOTED;
            case LITERAL -> Style.LITERAL;
            case FOLDED -> Style.FOLDED;
            default -> Style.PLAIN;
        };
    }
}
