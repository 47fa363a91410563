package ai.spice.secrets.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.spice.secrets.errors.SpiceInvalidDataException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timestamps are read by hand when they have the API's one shape, and by Jackson's own deserializer otherwise: both
 * ways give what Jackson alone gives (the reference below), value for value and failure for failure.
 */
class JsonInstantTest {

    /** Json's settings, without its own timestamp reading. */
    private static final JsonMapper JACKSON_ALONE = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    @Test
    void everyApiShapedTimestampReadsAsJacksonReadsIt() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int year = i < 100 ? 1 + random.nextInt(2) : 1 + random.nextInt(9999);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
            int digits = random.nextInt(10);
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                    random.nextInt(24), random.nextInt(60), random.nextInt(60)));
            if (digits > 0) {
                text.append('.');
                for (int d = 0; d < digits; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            text.append('Z');
            assertThat(read(text.toString())).as(text.toString()).isEqualTo(reference(text.toString()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00Z",
        "2024-02-29T23:59:59.5Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.123456789Z", "2026-11-27T01:59:34.560605922Z",
        "2026-11-27T01:59:34+01:00", "2026-11-27t01:59:34z", "2026-11-27T01:59:34.Z", " 2026-11-27T01:59:34Z",
        "2026-11-27T24:00:00Z", "2026-11-27T23:59:60Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-11-27T01:59:34.1234567890Z", "+12026-11-27T01:59:34Z", "2026-11-27 01:59:34Z", "1700000000", "not a date", ""})
    void anyOtherTextIsLeftToJacksonAndEndsAsJacksonEndsIt(String text) throws Exception {
        Instant expected;
        try {
            expected = reference(text);
        } catch (Exception e) {
            expected = null;
        }
        Throwable failure = catchThrowable(() -> read(text));
        if (expected == null) {
            assertThat(failure).as(text).isInstanceOf(SpiceInvalidDataException.class).hasMessageContaining("created_at");
        } else {
            assertThat(failure).as(text).isNull();
            assertThat(read(text)).as(text).isEqualTo(expected);
        }
    }

    private static Instant read(String createdAt) {
        return Json.readSecret(body(createdAt), "GET /v1/apps/1/secrets/A").createdAt();
    }

    private static Instant reference(String createdAt) throws Exception {
        return JACKSON_ALONE.readValue(body(createdAt), SecretJson.Item.class).createdAt();
    }

    private static byte[] body(String createdAt) {
        return ("{\"id\":1,\"name\":\"A\",\"value\":\"***\",\"created_at\":\"" + createdAt
                + "\",\"updated_at\":\"2026-11-27T01:59:34Z\"}").getBytes(StandardCharsets.UTF_8);
    }
}
