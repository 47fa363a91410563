package ai.spice.secrets.internal.spicepod;

import java.util.ArrayList;
import java.util.List;

/**
 * The Spice runtime's secret-reference matcher ({@code crates/runtime-secrets/src/lexer.rs}), token for token, applied
 * to one value. Tokens: <code>${</code>, an identifier {@code [a-zA-Z][a-zA-Z0-9_-]*}, {@code :} and <code>}</code>;
 * blanks {@code [ \t\n\f]+} between tokens are skipped; any other character is an error token. After a <code>${</code>
 * the runtime wants identifier, colon, identifier, close in that order: another token abandons the attempt (the token
 * is consumed, even a <code>${</code>), the end of the value or an error token ends the search for the whole value.
 * Also reports each <code>${</code> that did not become a reference, and why, so that a check can explain it.
 * Public only for the SDK's other packages; not exported.
 */
public final class SecretLexer {

    /** A reference the runtime substitutes: {@code value.substring(start, end)} is replaced. */
    public record Match(String store, String key, int start, int end) {
    }

    /** A <code>${</code> at {@code start} that the runtime does not substitute. */
    public record Miss(int start, Cause cause) {
    }

    /** Why a <code>${</code> is not substituted. */
    public enum Cause {
        /** A token out of order after it: the runtime abandons this one and reads on. */
        NOT_A_REFERENCE,
        /** A character no token can start with after it: the runtime stops reading this value. */
        STOPS_SEARCH,
        /** The value ends before the reference does. */
        UNTERMINATED,
        /** Taken as a token by the malformed reference before it. */
        SWALLOWED,
        /** After a {@link #STOPS_SEARCH}: never read. */
        NOT_SEARCHED
    }

    /** What one value holds, each list in the order of the value. */
    public record Result(List<Match> matches, List<Miss> misses) {
    }

    private enum Type { START, IDENTIFIER, COLON, END, ERROR }

    private record Token(Type type, int start, int end) {
    }

    private final String input;
    private final long limit;
    private int pos;

    private SecretLexer(String input, int limit) {
        this.input = input;
        this.limit = limit;
    }

    /**
     * Finds the references of one value as the runtime does.
     *
     * @param value the value, as YAML gives it
     * @return the matches and the misses
     */
    public static Result scan(String value) {
        return scan(value, Integer.MAX_VALUE);
    }

    /**
     * Finds the references of one value as the runtime does, stopping once more than {@code limit} matches and misses
     * are found, so that a caller with a budget never holds more.
     *
     * @param value the value, as YAML gives it
     * @param limit the most matches and misses wanted; one more than this says the value holds more
     * @return the matches and the misses, at most {@code limit + 1} in all
     */
    public static Result scan(String value, int limit) {
        List<Match> matches = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        if (value.contains("${")) {
            new SecretLexer(value, limit).run(matches, misses);
        }
        return new Result(List.copyOf(matches), List.copyOf(misses));
    }

    /**
     * Tells whether a store or key is one identifier token.
     *
     * @param text the text
     * @return true if it matches {@code [a-zA-Z][a-zA-Z0-9_-]*}
     */
    public static boolean isIdentifier(String text) {
        return !text.isEmpty() && isLetter(text.charAt(0)) && identifierEnd(text, 0) == text.length();
    }

    private void run(List<Match> matches, List<Miss> misses) {
        Token token;
        while ((token = next()) != null && (long) matches.size() + misses.size() <= limit) {
            if (token.type() != Type.START) {
                continue;
            }
            int start = token.start();
            Token[] parts = new Token[4];
            Type[] wanted = {Type.IDENTIFIER, Type.COLON, Type.IDENTIFIER, Type.END};
            int i = 0;
            for (; i < wanted.length; i++) {
                Token part = next();
                if (part == null) {
                    misses.add(new Miss(start, Cause.UNTERMINATED));
                    return;
                }
                if (part.type() == Type.ERROR) {
                    misses.add(new Miss(start, Cause.STOPS_SEARCH));
                    notSearched(part.end(), misses);
                    return;
                }
                if (part.type() != wanted[i]) {
                    misses.add(new Miss(start, Cause.NOT_A_REFERENCE));
                    if (part.type() == Type.START) {
                        misses.add(new Miss(part.start(), Cause.SWALLOWED));
                    }
                    break;
                }
                parts[i] = part;
            }
            if (i == wanted.length) {
                matches.add(new Match(text(parts[0]), text(parts[2]), start, parts[3].end()));
            }
        }
    }

    private void notSearched(int from, List<Miss> misses) {
        for (int at = input.indexOf("${", from); at >= 0 && misses.size() <= limit; at = input.indexOf("${", at + 2)) {
            misses.add(new Miss(at, Cause.NOT_SEARCHED));
        }
    }

    private String text(Token token) {
        return input.substring(token.start(), token.end());
    }

    private Token next() {
        while (pos < input.length() && isSkipped(input.charAt(pos))) {
            pos++;
        }
        if (pos >= input.length()) {
            return null;
        }
        int start = pos;
        char c = input.charAt(pos);
        Type type;
        if (c == '$' && pos + 1 < input.length() && input.charAt(pos + 1) == '{') {
            pos += 2;
            type = Type.START;
        } else if (isLetter(c)) {
            pos = identifierEnd(input, pos);
            type = Type.IDENTIFIER;
        } else if (c == ':') {
            pos++;
            type = Type.COLON;
        } else if (c == '}') {
            pos++;
            type = Type.END;
        } else {
            pos += Character.charCount(input.codePointAt(pos));
            type = Type.ERROR;
        }
        return new Token(type, start, pos);
    }

    private static int identifierEnd(String text, int from) {
        int at = from + 1;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                break;
            }
            at++;
        }
        return at;
    }

    private static boolean isSkipped(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
