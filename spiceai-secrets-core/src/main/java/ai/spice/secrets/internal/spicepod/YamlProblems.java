package ai.spice.secrets.internal.spicepod;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The reason given for a YAML error. The parser's own problem text may quote the document (a duplicate key, an
 * unknown escape, an undefined alias name), so it is never passed on: it is matched against the parser's fixed
 * phrases and replaced by one of ours, which holds no text of the document.
 */
final class YamlProblems {

    /** The parser's phrases, by the start of its problem text, in the order they are tried. */
    private static final List<Map.Entry<String, String>> PHRASES = List.of(
            Map.entry("mapping values are not allowed", "invalid YAML: a ':' where a mapping value cannot start"
                    + " (quote a value that holds ': ')"),
            Map.entry("sequence entries are not allowed", "invalid YAML: a '-' entry where no list can start"),
            Map.entry("mapping keys are not allowed", "invalid YAML: a '?' key where no mapping can start"),
            Map.entry("could not find expected ':'", "invalid YAML: a key without ':'"),
            Map.entry("found unexpected end of stream", "invalid YAML: the text ends inside a quoted value"),
            Map.entry("found unexpected document separator", "invalid YAML: a document separator inside a quoted"
                    + " value"),
            Map.entry("found character", "invalid YAML: a character that cannot start any token"),
            Map.entry("found a tab", "invalid YAML: a tab used for indentation"),
            Map.entry("found unknown escape character", "invalid YAML: an unknown escape in a double-quoted value"),
            Map.entry("expected escape sequence", "invalid YAML: a hexadecimal escape with too few digits"),
            Map.entry("found undefined alias", "invalid YAML: an alias to an anchor that is not defined before it"),
            Map.entry("Number of aliases for non-scalar nodes exceeds", "more than " + Limits.MAX_COLLECTION_ALIASES
                    + " aliases to mappings or lists"),
            Map.entry("but found another document", "more than one YAML document; a spicepod is one"),
            Map.entry("Non scalar key", "a mapping key that is a mapping or a list"),
            Map.entry("The incoming YAML document exceeds the limit", "larger than " + Limits.MAX_CHARS
                    + " characters, the most a spicepod check reads"),
            Map.entry("expected <block end>", "invalid YAML: the indentation does not match the block around it"),
            Map.entry("expected the node content", "invalid YAML: a value is missing here"),
            Map.entry("expected ',' or ']'", "invalid YAML: a '[' list is not closed"),
            Map.entry("expected ',' or '}'", "invalid YAML: a '{' mapping is not closed"),
            Map.entry("expected chomping or indentation indicators", "invalid YAML: a block scalar header is not"
                    + " valid"),
            Map.entry("DEL character", "invalid YAML: a DEL character"),
            Map.entry("special characters are not allowed", "a character YAML does not allow in a document"));

    private YamlProblems() {
    }

    static String reason(YamlEngineException e) {
        String problem = e instanceof MarkedYamlEngineException marked ? marked.getProblem() : e.getMessage();
        problem = problem == null ? "" : problem;
        String context = e instanceof MarkedYamlEngineException marked && marked.getContext() != null
                ? marked.getContext() : "";
        for (Map.Entry<String, String> phrase : PHRASES) {
            if (problem.startsWith(phrase.getKey()) || context.startsWith(phrase.getKey())) {
                return phrase.getValue();
            }
        }
        return "invalid YAML";
    }
}
