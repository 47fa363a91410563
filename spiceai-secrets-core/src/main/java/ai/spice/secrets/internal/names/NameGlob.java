package ai.spice.secrets.internal.names;

import java.util.Objects;

/**
 * A secret name, or a simple glob of names: {@code *} stands for any run of characters (none included) and {@code ?}
 * for one; every other character is itself. {@code PROD_*} matches {@code PROD_DB} and {@code PROD_}. Public only for
 * the SDK's other packages; not exported.
 */
public final class NameGlob {

    private NameGlob() {
    }

    /**
     * Checks a pattern: name characters, {@code *} and {@code ?} only.
     *
     * @param pattern the pattern
     * @return {@code pattern}
     * @throws NullPointerException     if {@code pattern} is null
     * @throws IllegalArgumentException if it is empty or holds another character; the message quotes it
     */
    public static String check(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        boolean valid = !pattern.isEmpty();
        for (int i = 0; i < pattern.length() && valid; i++) {
            char c = pattern.charAt(i);
            valid = NameRule.isPart(c) || c == '*' || c == '?';
        }
        if (!valid) {
            throw new IllegalArgumentException("a protected name must be a secret name or a glob of one (letters,"
                    + " digits, '_', '*' and '?'), was " + QuotedName.of(pattern));
        }
        return pattern;
    }

    /**
     * Whether a name matches a pattern.
     *
     * @param pattern a pattern {@link #check(String)} accepts
     * @param name    the name
     * @return true if the whole name matches
     */
    public static boolean matches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
