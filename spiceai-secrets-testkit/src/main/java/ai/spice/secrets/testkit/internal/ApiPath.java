package ai.spice.secrets.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a raw request path addresses. Segments are split on the raw path and only then percent-decoded, so an
 * encoded {@code %2F} stays inside a secret name instead of splitting it.
 *
 * @param kind       the resource
 * @param appId      the app (or project) id segment as sent, not yet checked; empty for {@code OAUTH_TOKEN}
 *                   and {@code UNKNOWN}
 * @param secretName the decoded secret name for {@code SECRET}, else empty
 */
record ApiPath(Kind kind, String appId, String secretName) {

    enum Kind { SECRETS, SECRET, OAUTH_TOKEN, UNKNOWN }

    static ApiPath parse(String rawPath) {
        if (OAuthHandler.PATH.equals(rawPath)) {
            return new ApiPath(Kind.OAUTH_TOKEN, "", "");
        }
        String[] segments = rawPath.split("/", -1);
        boolean secrets = (segments.length == 5 || segments.length == 6)
                && segments[0].isEmpty()
                && "v1".equals(segments[1])
                && ("apps".equals(segments[2]) || "projects".equals(segments[2]))
                && !segments[3].isEmpty()
                && "secrets".equals(segments[4]);
        if (!secrets) {
            return new ApiPath(Kind.UNKNOWN, "", "");
        }
        String appId = decode(segments[3]);
        if (segments.length == 5) {
            return new ApiPath(Kind.SECRETS, appId, "");
        }
        return segments[5].isEmpty()
                ? new ApiPath(Kind.UNKNOWN, "", "")
                : new ApiPath(Kind.SECRET, appId, decode(segments[5]));
    }

    /** Percent-decodes a path segment as UTF-8; a malformed escape is kept as it is. Unlike form decoding, '+' stays. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        int i = 0;
        while (i < segment.length()) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && hex(segment.charAt(i + 1)) >= 0 && hex(segment.charAt(i + 2)) >= 0) {
                bytes.write(hex(segment.charAt(i + 1)) * 16 + hex(segment.charAt(i + 2)));
                i += 3;
            } else {
                int end = i + Character.charCount(segment.codePointAt(i));
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
