package ai.spice.secrets.internal.names;

/**
 * How exception messages quote a caller's name: escaped, one line, and shortened past 64 characters, so that a hostile
 * or huge name can neither forge log lines nor flood them. Public only for the SDK's other packages; not exported.
 */
public final class QuotedName {

    private static final int MAX_QUOTED = 64;

    private QuotedName() {
    }

    /**
     * Quotes a name for a message.
     *
     * @param name the name as given
     * @return the quoted name, for example {@code "my-secret"}
     */
    public static String of(String name) {
        StringBuilder quoted = new StringBuilder("\"");
        int shown = Math.min(name.length(), MAX_QUOTED);
        for (int i = 0; i < shown; i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c))) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        quoted.append('"');
        if (name.length() > MAX_QUOTED) {
            quoted.append(" (").append(name.length()).append(" characters, first ").append(MAX_QUOTED).append(" shown)");
        }
        return quoted.toString();
    }
}
