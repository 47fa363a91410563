package ai.spice.secrets.internal.json;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * All JSON the SDK reads and writes. Reading is strict about types (no coercion of numbers to strings or back), so
 * a response of the wrong shape fails as {@link SpiceInvalidDataException}; unknown fields are ignored. Messages say
 * where the response was wrong, never what it held.
 */
public final class Json {

    private static final String MASK = "**********";

    private static final ObjectMapper MAPPER = strictMapper();
    private static final ObjectReader ITEM = MAPPER.readerFor(SecretJson.Item.class);
    private static final ObjectReader PAGE = MAPPER.readerFor(SecretJson.Page.class);
    private static final ObjectReader LEDGER = MAPPER.readerFor(LedgerJson.File.class);
    private static final ObjectWriter LEDGER_WRITER = MAPPER.writerFor(LedgerJson.File.class)
            .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).withDefaultPrettyPrinter();

    private Json() {
    }

    public static byte[] upsertBody(String name, SecretValue value) {
        return object("name", name, "value", value.reveal());
    }

    /** A flat JSON object of string fields, in the order given: {@code object("a", "1", "b", "2")}. */
    public static byte[] object(String... namesAndValues) {
        int size = 16;
        for (String text : namesAndValues) {
            size += text.length() + 4;
        }
        ByteArrayBuilder out = new ByteArrayBuilder(size);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                json.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a secret from a 2xx body.
     *
     * @param what the request, for messages: {@code "GET /v1/apps/42/secrets/DB_URL"}
     */
    public static Secret readSecret(byte[] body, String what) {
        return toSecret(read(ITEM, body, what), what, -1);
    }

    /** Reads a list of secrets from a 2xx body; {@code what} as for {@link #readSecret}. */
    public static List<Secret> readSecretList(byte[] body, String what) {
        SecretJson.Page page = read(PAGE, body, what);
        if (page.secrets() == null) {
            throw invalid(what, "missing field 'secrets'");
        }
        // An array and List.of: the same immutable list as List.copyOf(an ArrayList), with one copy of it fewer.
        Secret[] secrets = new Secret[page.secrets().size()];
        for (int i = 0; i < secrets.length; i++) {
            SecretJson.Item item = page.secrets().get(i);
            if (item == null) {
                throw invalid(what, "null at 'secrets[" + i + "]'");
            }
            secrets[i] = toSecret(item, what, i);
        }
        return List.of(secrets);
    }

    /**
     * Reads a ledger file.
     *
     * @throws IllegalArgumentException if it is not one; the message says what is wrong and where, never what it held
     */
    public static LedgerJson.File readLedger(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the file is empty");
        }
        try {
            LedgerJson.File file = LEDGER.readValue(bytes);
            if (file == null) {
                throw new IllegalArgumentException("the file is JSON null");
            }
            return file;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(e));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable JSON");
        }
    }

    /** Writes a ledger file, indented so that a reviewer can read it. */
    public static byte[] writeLedger(LedgerJson.File file) {
        try {
            return LEDGER_WRITER.writeValueAsBytes(file);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a ledger to memory cannot fail", e);
        }
    }

    /** Parses a body as a JSON tree, or returns null if it is not JSON: for error bodies, which may be anything. */
    public static JsonNode treeOrNull(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static <T> T read(ObjectReader reader, byte[] body, String request) {
        if (body.length == 0) {
            throw invalid(request, "empty body");
        }
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw invalid(request, "the body is JSON null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw invalid(request, describe(e));
        } catch (IOException e) {
            throw invalid(request, "unreadable body");
        }
    }

    /** @param index the item's place in a list, or -1 for a lone secret; names the field only if it is missing */
    private static Secret toSecret(SecretJson.Item item, String request, int index) {
        require(item.id(), index, "id", request);
        require(item.name(), index, "name", request);
        require(item.value(), index, "value", request);
        require(item.createdAt(), index, "created_at", request);
        require(item.updatedAt(), index, "updated_at", request);
        return new Secret(item.id(), item.name(), masked(item.value()), item.createdAt(), item.updatedAt());
    }

    /** The API always masks values; should it ever not, the SDK masks it, so no plaintext reaches a toString. */
    private static String masked(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '*') {
                return MASK;
            }
        }
        return value;
    }

    // The field's path is built only when it is missing: built eagerly, it cost six strings per secret of a list.
    private static void require(Object value, int index, String field, String request) {
        if (value == null) {
            throw invalid(request, "missing field '" + (index < 0 ? "" : "secrets[" + index + "].") + field + "'");
        }
    }

    private static String describe(JsonProcessingException e) {
        boolean truncated = e instanceof JsonEOFException || e.getCause() instanceof JsonEOFException
                || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
        String kind = truncated ? "truncated JSON"
                : e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException
                ? "JSON past the parser's limits (nesting depth, number or text length)"
                : e instanceof JsonParseException ? "malformed JSON"
                : "a value of the wrong type";
        String where = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " at '" + path(mapping) + "'" : "";
        var location = e.getLocation();
        String position = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return kind + where + position;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static SpiceInvalidDataException invalid(String request, String what) {
        return new SpiceInvalidDataException("unreadable response to " + request + ": " + what, null);
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
