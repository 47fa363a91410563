package ai.spice.secrets.testkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The emulator's JSON: one shared mapper, the wire shapes of secrets and errors, and the timestamp format. */
final class Json {

    /** The value every response shows instead of the plaintext. */
    static final String MASK = "**********";

    /** Always three millisecond digits and a {@code Z}, as the service sends them; Instant.toString drops zero millis. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    // Bodies are capped by the router (at most 64 MiB), so let a single string be as long as a whole body.
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(BodyReader.MAX_LIMIT_BYTES)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static ObjectNode error(String message) {
        return object().put("error", message);
    }

    static ObjectNode secret(StoredSecret secret) {
        return object()
                .put("id", secret.id())
                .put("name", secret.name())
                .put("value", MASK)
                .put("created_at", timestamp(secret.createdAt()))
                .put("updated_at", timestamp(secret.updatedAt()));
    }

    static ObjectNode secretList(List<StoredSecret> secrets) {
        ObjectNode body = object();
        ArrayNode items = body.putArray("secrets");
        secrets.forEach(secret -> items.add(secret(secret)));
        return body;
    }

    /**
     * The zod-style body of a 400 validation failure, in the form of Spice's docs: {@code formErrors} only when
     * there are any (the docs' example of an invalid name has none).
     */
    static ObjectNode validationError(Map<String, List<String>> fieldErrors, List<String> formErrors) {
        ObjectNode body = error("Validation error");
        ObjectNode details = body.putObject("details");
        ObjectNode fields = details.putObject("fieldErrors");
        fieldErrors.forEach((field, messages) -> {
            ArrayNode list = fields.putArray(field);
            messages.forEach(list::add);
        });
        if (!formErrors.isEmpty()) {
            ArrayNode form = details.putArray("formErrors");
            formErrors.forEach(form::add);
        }
        return body;
    }
}
