package ai.spice.secrets.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code ${store:KEY}} references line by line, following the Spice runtime's tokenizer: <code>${</code>, blanks,
 * an identifier, blanks, {@code :}, blanks, an identifier, blanks, <code>}</code>, where an identifier is
 * {@code [a-zA-Z][a-zA-Z0-9_-]*}. YAML is not parsed: whole-line {@code #} comments are skipped, and so is a trailing
 * comment ({@code #} after a blank, outside quotes).
 */
final class SpicepodScanner {

    private static final int MAX_TEXT = 80;

    final List<SpicepodReference> references = new ArrayList<>();
    final List<MalformedReference> malformed = new ArrayList<>();

    void scan(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.stripLeading().startsWith("#")) {
                scanLine(line.substring(0, commentStart(line)), i + 1);
            }
        }
    }

    private void scanLine(String line, int lineNumber) {
        int from = 0;
        while (true) {
            int start = line.indexOf("${", from);
            if (start < 0) {
                return;
            }
            int end = parse(line, start, lineNumber);
            from = end;
        }
    }

    /** Parses the reference at {@code start}, records it (or what is wrong with it), and returns where to go on. */
    private int parse(String line, int start, int lineNumber) {
        int pos = skipBlanks(line, start + 2);
        int storeEnd = identifierEnd(line, pos);
        int colon = skipBlanks(line, storeEnd);
        if (storeEnd > pos && colon < line.length() && line.charAt(colon) == ':') {
            int keyStart = skipBlanks(line, colon + 1);
            int keyEnd = identifierEnd(line, keyStart);
            int close = skipBlanks(line, keyEnd);
            if (keyEnd > keyStart && close < line.length() && line.charAt(close) == '}') {
                references.add(new SpicepodReference(line.substring(pos, storeEnd), line.substring(keyStart, keyEnd),
                        lineNumber, start + 1));
                return close + 1;
            }
        }
        int close = line.indexOf('}', start + 2);
        int nested = line.indexOf("${", start + 2);
        if (close < 0 || (nested >= 0 && nested < close)) {
            int end = nested >= 0 ? nested : line.length();
            record(line.substring(start, end), lineNumber, start, "unterminated: no '}' closes this '${' on its line");
            return end;
        }
        String inside = line.substring(start + 2, close);
        record(line.substring(start, close + 1), lineNumber, start, reason(inside.strip()));
        return close + 1;
    }

    private static String reason(String inside) {
        if (inside.isEmpty()) {
            return "empty reference; write ${secrets:NAME}";
        }
        if (inside.startsWith("{")) {
            return "'${{' is not the spicepod syntax; write ${secrets:NAME}";
        }
        if (inside.contains("::")) {
            return "double colon; write ${store:KEY} with one ':', e.g. ${secrets:NAME}";
        }
        int colon = inside.indexOf(':');
        if (colon < 0) {
            return isIdentifier(inside)
                    ? "no store; write ${secrets:" + inside + "} or ${env:" + inside + "}"
                    : "no ':' between store and key; write ${store:KEY}";
        }
        if (inside.indexOf(':', colon + 1) >= 0) {
            return "more than one ':'; write ${store:KEY}";
        }
        String store = inside.substring(0, colon).strip();
        String key = inside.substring(colon + 1).strip();
        if (store.isEmpty()) {
            return "no store before ':'; write ${secrets:" + (key.isEmpty() ? "NAME" : key) + "}";
        }
        if (key.isEmpty()) {
            return "no key after ':'; write ${" + store + ":NAME}";
        }
        if (!isIdentifier(store)) {
            return "the store must match " + SpicepodReferences.IDENTIFIER_RULE;
        }
        if (key.startsWith("_")) {
            return "the key starts with '_', but keys must start with a letter (" + SpicepodReferences.IDENTIFIER_RULE
                    + "), so such a secret cannot be referenced";
        }
        return "the key must match " + SpicepodReferences.IDENTIFIER_RULE;
    }

    private void record(String text, int lineNumber, int start, String reason) {
        String shown = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
        malformed.add(new MalformedReference(shown, lineNumber, start + 1, reason));
    }

    /**
     * Where a trailing comment starts: a {@code #} after a blank, outside single or double quotes; a quote counts only
     * where a YAML scalar can start (after a blank or one of {@code :-[{,}), so the apostrophe of {@code it's} does not.
     */
    static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char before = i == 0 ? ' ' : line.charAt(i - 1);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && (isBlank(before) || ":-[{,".indexOf(before) >= 0)) {
                quote = c;
            } else if (c == '#' && isBlank(before)) {
                return i;
            }
        }
        return line.length();
    }

    static boolean isIdentifier(String text) {
        return !text.isEmpty() && identifierEnd(text, 0) == text.length();
    }

    private static int identifierEnd(String text, int from) {
        if (from >= text.length() || !isLetter(text.charAt(from))) {
            return from;
        }
        int pos = from + 1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                break;
            }
            pos++;
        }
        return pos;
    }

    private static int skipBlanks(String text, int from) {
        int pos = from;
        while (pos < text.length() && (isBlank(text.charAt(pos)) || text.charAt(pos) == '\f')) {
            pos++;
        }
        return pos;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
