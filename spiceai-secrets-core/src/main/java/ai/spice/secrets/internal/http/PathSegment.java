package ai.spice.secrets.internal.http;

import java.nio.charset.StandardCharsets;

/** Percent-encodes a path segment: everything but RFC 3986 unreserved characters. */
public final class PathSegment {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {
    }

    public static String encode(String segment) {
        if (isUnreservedOnly(segment)) {
            return segment; // every valid secret name: nothing to encode, nothing to copy
        }
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreservedOnly(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (!isUnreserved(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
