package ai.spice.secrets.internal.json;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
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
                // registered after JavaTimeModule, so it is the one asked for an Instant
                .addModule(new SimpleModule("api-instants").addDeserializer(Instant.class,
                        new ApiInstants(InstantDeserializer.INSTANT)))
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

    /**
     * Reads an {@link Instant} written the way the API writes every timestamp, {@code 2026-11-27T01:59:34.560605922Z}
     * (UTC, {@code Z}, 0 to 9 digits of fraction), by hand; anything else, and any field out of range, goes to
     * Jackson's own {@link InstantDeserializer}, so what is accepted and how a bad value fails are unchanged. On Java
     * 17 the JDK's {@code ISO_INSTANT} builds a new formatter for every parse: two timestamps cost a secret 4 KB and
     * most of its reading time.
     */
    private static final class ApiInstants extends StdScalarDeserializer<Instant> implements ContextualDeserializer {

        private static final long serialVersionUID = 1L;

        private final JsonDeserializer<Instant> fallback;

        ApiInstants(JsonDeserializer<Instant> fallback) {
            super(Instant.class);
            this.fallback = fallback;
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant read = utc(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                if (read != null) {
                    return read;
                }
            }
            return fallback.deserialize(parser, context);
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = fallback instanceof ContextualDeserializer fromContext
                    ? fromContext.createContextual(context, property) : fallback;
            // a property with its own format (none of the wire records has one) is left to Jackson alone
            return contextual == fallback ? this : contextual;
        }

        /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, every field in range, or null. */
        static Instant utc(char[] text, int offset, int length) {
            if (length < 20 || length == 21 || length > 30 || text[offset + length - 1] != 'Z'
                    || text[offset + 4] != '-' || text[offset + 7] != '-' || text[offset + 10] != 'T'
                    || text[offset + 13] != ':' || text[offset + 16] != ':' || length > 20 && text[offset + 19] != '.') {
                return null;
            }
            int year = digits(text, offset, 4);
            int month = digits(text, offset + 5, 2);
            int day = digits(text, offset + 8, 2);
            int hour = digits(text, offset + 11, 2);
            int minute = digits(text, offset + 14, 2);
            int second = digits(text, offset + 17, 2);
            int fraction = length > 20 ? digits(text, offset + 20, length - 21) : 0;
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
                    || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
                return null;
            }
            int nanos = fraction;
            for (int i = length - 21; i < 9 && length > 20; i++) {
                nanos *= 10;
            }
            long seconds = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
            return Instant.ofEpochSecond(seconds, nanos);
        }

        /** The number the digits spell, or -1 if one is not a digit. */
        private static int digits(char[] text, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                char c = text[i];
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        private static int lengthOfMonth(int year, int month) {
            return switch (month) {
                case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
                case 4, 6, 9, 11 -> 30;
                default -> 31;
            };
        }

        /** Days from 1970-01-01 in the proleptic Gregorian calendar, as {@code LocalDate.toEpochDay}. */
        private static long epochDay(int year, int month, int day) {
            long y = month <= 2 ? year - 1 : year;
            long era = Math.floorDiv(y, 400);
            long yearOfEra = y - era * 400;
            long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * 146_097 + dayOfEra - 719_468;
        }
    }
}
