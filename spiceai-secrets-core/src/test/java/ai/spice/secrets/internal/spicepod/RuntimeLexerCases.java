package ai.spice.secrets.internal.spicepod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The runtime lexer's own unit-test cases, read from {@code ai/spice/secrets/spicepod/runtime-lexer-cases.json}. */
public final class RuntimeLexerCases {

    /** One expected match: {@code input.substring(start, end)} is replaced by the runtime. */
    public record Expected(String store, String key, int start, int end) {
    }

    /** One input and what the runtime's test expects of it. */
    public record Case(String test, String input, List<Expected> matches) {
        @Override
        public String toString() {
            return test + ": " + input;
        }
    }

    private RuntimeLexerCases() {
    }

    public static List<Case> all() {
        try (InputStream in = RuntimeLexerCases.class.getResourceAsStream("/ai/spice/secrets/spicepod/runtime-lexer-cases.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode node : root.get("cases")) {
                List<Expected> matches = new ArrayList<>();
                for (JsonNode match : node.get("matches")) {
                    matches.add(new Expected(match.get("store").asText(), match.get("key").asText(),
                            match.get("start").asInt(), match.get("end").asInt()));
                }
                cases.add(new Case(node.get("test").asText(), node.get("input").asText(), List.copyOf(matches)));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
