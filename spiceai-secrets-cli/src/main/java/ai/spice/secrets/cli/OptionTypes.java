package ai.spice.secrets.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The converters of the typed options. Their messages say what is expected and never repeat the argument: an
 * argument the CLI rejects might be a value typed in the wrong place.
 */
final class OptionTypes {

    private OptionTypes() {
    }

    /** An app id: a positive integer. */
    static final class AppId implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return parseAppId(text, "expected a positive integer");
        }
    }

    /** A count: 0 or more. */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return parseInt(text, 0, "expected an integer, 0 or more");
        }
    }

    /** A positive count: 1 or more. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return parseInt(text, 1, "expected an integer, 1 or more");
        }
    }

    /** A fraction from 0 to 1. */
    static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            try {
                double value = Double.parseDouble(text.strip());
                if (value >= 0 && value <= 1) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected a number from 0 to 1, such as 0.25");
        }
    }

    /** A positive duration: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, plain seconds, or ISO-8601. */
    static final class Timeout implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration duration = parseDuration(text.strip().toLowerCase(Locale.ROOT));
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("expected a positive duration such as 500ms, 30s, 2m or PT1M");
            }
            return duration;
        }

        private static Duration parseDuration(String text) {
            try {
                if (text.startsWith("pt")) {
                    return Duration.parse(text);
                }
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                if (text.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
                }
                if (text.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
                }
                if (text.endsWith("h")) {
                    return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
                }
                return Duration.ofSeconds(Long.parseLong(text));
            } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
                return null;
            }
        }
    }

    /** Parses an app id from a flag or from {@code SPICE_APP_ID}. */
    static long parseAppId(String text, String expected) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException(expected);
    }

    private static int parseInt(String text, int min, String expected) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException(expected);
    }
}
