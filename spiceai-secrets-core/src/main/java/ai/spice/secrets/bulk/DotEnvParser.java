package ai.spice.secrets.bulk;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.errors.DotEnvException;
import ai.spice.secrets.internal.names.NameRule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code .env} text, one entry at a time, keeping track of line and column for error messages. Never puts the
 * text itself into a message: a malformed line may well hold a secret.
 */
final class DotEnvParser {

    private final String text;
    private final String source;
    private int pos;
    private int line = 1;
    private int lineStart;

    private DotEnvParser(String text, String source) {
        String noBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.text = noBom.replace("\r\n", "\n").replace('\r', '\n');
        this.source = source;
    }

    static Map<String, SecretValue> parse(String text, String source) {
        return new DotEnvParser(text, source).entries();
    }

    private Map<String, SecretValue> entries() {
        Map<String, SecretValue> entries = new LinkedHashMap<>();
        while (pos < text.length()) {
            skipBlanks();
            if (atLineEnd()) {
                nextLine();
            } else if (peek() == '#') {
                skipComment();
            } else {
                String key = key();
                entries.put(key, SecretValue.of(value(key)));
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    /** Reads {@code [export ]KEY =} and leaves the position after the {@code =}. */
    private String key() {
        if (text.startsWith("export", pos) && pos + 6 < text.length() && isBlank(text.charAt(pos + 6))) {
            int afterExport = pos + 6;
            pos = afterExport;
            skipBlanks();
            if (!atLineEnd() && peek() == '=') {
                pos++;
                return "export";
            }
        }
        int start = pos;
        if (atLineEnd() || !NameRule.isStart(peek())) {
            throw error(start, "expected a key (a letter or '_', then letters, digits or '_')");
        }
        while (pos < text.length() && NameRule.isPart(peek())) {
            pos++;
        }
        String key = text.substring(start, pos);
        if (!atLineEnd() && !isBlank(peek()) && peek() != '=') {
            throw error(pos, "invalid character in the key (keys are letters, digits and '_')");
        }
        skipBlanks();
        if (atLineEnd() || peek() != '=') {
            throw error(pos, "expected '=' after the key");
        }
        pos++;
        return key;
    }

    private String value(String key) {
        int beforeBlanks = pos;
        skipBlanks();
        if (atLineEnd()) {
            return "";
        }
        char first = peek();
        if (first == '#' && pos > beforeBlanks) {
            skipComment();
            return "";
        }
        String value = first == '"' ? doubleQuoted(key) : first == '\'' ? singleQuoted(key) : unquoted();
        if (first == '"' || first == '\'') {
            skipBlanks();
            if (!atLineEnd() && peek() != '#') {
                throw error(pos, "unexpected characters after the closing quote of " + key);
            }
            skipComment();
        }
        return value;
    }

    private String unquoted() {
        int start = pos;
        int end = pos;
        while (!atLineEnd()) {
            char c = peek();
            if (c == '#' && pos > start && isBlank(text.charAt(pos - 1))) {
                break;
            }
            pos++;
            if (!isBlank(c)) {
                end = pos;
            }
        }
        String value = text.substring(start, end);
        skipComment();
        return value;
    }

    private String singleQuoted(String key) {
        int open = pos++;
        int close = text.indexOf('\'', pos);
        int newline = text.indexOf('\n', pos);
        if (close < 0 || (newline >= 0 && newline < close)) {
            throw error(open, "unterminated single-quoted value of " + key + " (single quotes end on the same line)");
        }
        pos = close + 1;
        return text.substring(open + 1, close);
    }

    private String doubleQuoted(String key) {
        int open = pos++;
        int openLine = line;
        int openColumn = open - lineStart + 1;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\n') {
                value.append(c);
                line++;
                lineStart = pos;
            } else if (c == '\\' && pos < text.length()) {
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case '"', '\\', '$' -> value.append(escaped);
                    default -> {
                        // Unknown escapes stay as written, as in shells: "C:\Users" keeps its backslash.
                        value.append('\\');
                        pos--;
                    }
                }
            } else {
                value.append(c);
            }
        }
        throw new DotEnvException(source, openLine, openColumn, "unterminated double-quoted value of " + key);
    }

    private void skipComment() {
        while (!atLineEnd()) {
            pos++;
        }
    }

    private void skipBlanks() {
        while (pos < text.length() && isBlank(peek())) {
            pos++;
        }
    }

    private void nextLine() {
        if (pos < text.length()) {
            pos++;
            line++;
            lineStart = pos;
        }
    }

    private boolean atLineEnd() {
        return pos >= text.length() || text.charAt(pos) == '\n';
    }

    private char peek() {
        return text.charAt(pos);
    }

    private DotEnvException error(int at, String reason) {
        return new DotEnvException(source, line, at - lineStart + 1, reason);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

}
