package ai.spice.secrets.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the body of an upsert, {@code {"name": ..., "value": ...}}, answering failures the way
 * the service's zod schema does: {@code fieldErrors} per property, {@code formErrors} for the object as a whole.
 * Unknown keys are ignored, as a plain zod object strips them (Spice's OpenAPI does not forbid them), unless the
 * parser is set to reject them.
 */
final class SecretInputParser {

    static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Spice's own text for an invalid name, word for word from its docs. */
    static final String NAME_MESSAGE = "Secret name must start with a letter or underscore";

    private static final Set<String> KNOWN = Set.of("name", "value");

    /** A valid upsert body. Never printed: it holds a plaintext value. */
    record SecretInput(String name, String value) {
        @Override
        public String toString() {
            return "SecretInput[name=" + name + ", value=[redacted]]";
        }
    }

    private final boolean rejectUnknownKeys;

    /** @param rejectUnknownKeys whether a key other than {@code name} and {@code value} is a 400 */
    SecretInputParser(boolean rejectUnknownKeys) {
        this.rejectUnknownKeys = rejectUnknownKeys;
    }

    SecretInput parse(byte[] body) throws RejectedRequest {
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (IOException e) {
            throw RejectedRequest.of(400, "Invalid JSON body");
        }
        if (root == null || root.isMissingNode()) {
            throw RejectedRequest.of(400, "Invalid JSON body");
        }
        Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
        List<String> formErrors = new ArrayList<>();
        if (!root.isObject()) {
            formErrors.add("Expected object, received " + typeName(root));
            throw invalid(fieldErrors, formErrors);
        }
        String name = string(root, "name", fieldErrors);
        String value = string(root, "value", fieldErrors);
        if (name != null && !NAME.matcher(name).matches()) {
            fieldErrors.put("name", List.of(NAME_MESSAGE));
        }
        if (rejectUnknownKeys) {
            List<String> unknown = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property : root.properties()) {
                if (!KNOWN.contains(property.getKey())) {
                    unknown.add("'" + property.getKey() + "'");
                }
            }
            if (!unknown.isEmpty()) {
                formErrors.add("Unrecognized key(s) in object: " + String.join(", ", unknown));
            }
        }
        if (!fieldErrors.isEmpty() || !formErrors.isEmpty()) {
            throw invalid(fieldErrors, formErrors);
        }
        return new SecretInput(name, value);
    }

    private static String string(JsonNode root, String field, Map<String, List<String>> errors) {
        JsonNode node = root.get(field);
        if (node == null) {
            errors.put(field, List.of("Required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.put(field, List.of("Expected string, received " + typeName(node)));
            return null;
        }
        return node.textValue();
    }

    private static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> "number";
            case OBJECT, POJO -> "object";
            case STRING -> "string";
            default -> "unknown";
        };
    }

    private static RejectedRequest invalid(Map<String, List<String>> fieldErrors, List<String> formErrors) {
        return new RejectedRequest(ApiResponse.json(400, Json.validationError(fieldErrors, formErrors)));
    }
}
