package ai.spice.secrets.internal.spicepod;

import ai.spice.secrets.internal.spicepod.SecretLexer.Cause;

/**
 * What a <code>${</code> that the runtime does not substitute looks like, and why it is not a reference: the text shown
 * (to the next <code>}</code>, one line, at most 80 characters) and a reason that says how a correct reference looks.
 */
final class MalformedReasons {

    static final String IDENTIFIER_RULE = "[a-zA-Z][a-zA-Z0-9_-]*";
    private static final int MAX_TEXT = 80;

    private MalformedReasons() {
    }

    /** The text from the <code>${</code> at {@code start} to the next <code>}</code>, <code>${</code> or line end. */
    static String text(String value, int start) {
        int end = end(value, start);
        int lineBreak = indexOfLineBreak(value, start, end);
        String shown = value.substring(start, lineBreak >= 0 ? lineBreak : end);
        return shown.length() > MAX_TEXT ? shown.substring(0, MAX_TEXT) + "..." : shown;
    }

    static String reason(String value, int start, Cause cause) {
        return switch (cause) {
            case UNTERMINATED -> "unterminated: the value ends before a '}' closes this '${'";
            case SWALLOWED -> "not read: the malformed reference before it in this value takes this '${' as its next"
                    + " token";
            case NOT_SEARCHED -> "not read: the runtime stops looking for references in this value at the malformed"
                    + " reference before it";
            case NOT_A_REFERENCE, STOPS_SEARCH -> {
                int close = value.indexOf('}', start + 2);
                int nested = value.indexOf("${", start + 2);
                if (close < 0 || (nested >= 0 && nested < close)) {
                    yield "unterminated: no '}' closes this '${' before the next '${'";
                }
                String shape = shape(value.substring(start + 2, close).strip());
                yield cause == Cause.STOPS_SEARCH
                        ? shape + "; the runtime also stops looking for references in the rest of this value"
                        : shape;
            }
        };
    }

    private static String shape(String inside) {
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
            return SecretLexer.isIdentifier(inside)
                    ? "no store; write ${secrets:" + inside + "} or ${env:" + inside + "}"
                    : "no ':' between store and key; write ${store:KEY}";
        }
        if (inside.indexOf(':', colon + 1) >= 0) {
            return "more than one ':'; write ${store:KEY}";
        }
        String store = inside.substring(0, colon).strip();
        String key = inside.substring(colon + 1).strip();
        if (store.isEmpty()) {
            return "no store before ':'; write ${secrets:" + (SecretLexer.isIdentifier(key) ? key : "NAME") + "}";
        }
        if (key.isEmpty()) {
            return "no key after ':'; write ${" + (SecretLexer.isIdentifier(store) ? store : "store") + ":NAME}";
        }
        if (!SecretLexer.isIdentifier(store)) {
            return "the store must match " + IDENTIFIER_RULE;
        }
        if (key.startsWith("_")) {
            return "the key starts with '_', but keys must start with a letter (" + IDENTIFIER_RULE
                    + "), so such a secret cannot be referenced";
        }
        return "the key must match " + IDENTIFIER_RULE;
    }

    private static int end(String value, int start) {
        int close = value.indexOf('}', start + 2);
        int nested = value.indexOf("${", start + 2);
        if (close >= 0 && (nested < 0 || close < nested)) {
            return close + 1;
        }
        return nested >= 0 ? nested : value.length();
    }

    private static int indexOfLineBreak(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }
}
