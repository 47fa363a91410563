package ai.spice.secrets.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a raw request path addresses. Segments are split on the raw path and only then percent-decoded, so an
 * encoded {@code %2F} stays inside a secret name instead of splitting it.
 *
 * @param kind       the resource
 * @param collection the segment after {@code /v1} ({@code apps}, {@code projects} or {@code orgs}); empty for
 *                   {@code HEALTH}, {@code OAUTH_TOKEN} and {@code UNKNOWN}
 * @param id         the app, project or org id segment as sent, not yet checked; empty when the path has none
 * @param name       the decoded secret name for {@code SECRET} and {@code LINKED_ORG_SECRET}, else empty
 */
record ApiPath(Kind kind, String collection, String id, String name) {

    /** The resources, each with the shape of its path. */
    enum Kind {
        /** {@code /v1/health}. */
        HEALTH,
        /** {@code /v1/apps} or {@code /v1/projects}. */
        APPS,
        /** {@code /v1/apps/{id}} or {@code /v1/projects/{id}}. */
        APP,
        /** {@code /v1/apps/{id}/secrets} or {@code /v1/projects/{id}/secrets}. */
        SECRETS,
        /** {@code /v1/apps/{id}/secrets/{name}} or {@code /v1/projects/{id}/secrets/{name}}. */
        SECRET,
        /** {@code /v1/orgs}. */
        ORGS,
        /** {@code /v1/orgs/{id}/secrets}. */
        ORG_SECRETS,
        /** {@code /v1/projects/{id}/org-secrets}. */
        LINKED_ORG_SECRETS,
        /** {@code /v1/projects/{id}/org-secrets/{name}}. */
        LINKED_ORG_SECRET,
        /** {@code /api/oauth/token}. */
        OAUTH_TOKEN,
        /** Anything else. */
        UNKNOWN
    }

    private static final ApiPath UNKNOWN = new ApiPath(Kind.UNKNOWN, "", "", "");

    static ApiPath parse(String rawPath) {
        if (OAuthHandler.PATH.equals(rawPath)) {
            return new ApiPath(Kind.OAUTH_TOKEN, "", "", "");
        }
        String[] s = rawPath.split("/", -1);
        if (s.length < 3 || !s[0].isEmpty() || !"v1".equals(s[1])
                || Arrays.stream(s, 2, s.length).anyMatch(String::isEmpty)) {
            return UNKNOWN;
        }
        String collection = s[2];
        boolean apps = "apps".equals(collection) || "projects".equals(collection);
        boolean projects = "projects".equals(collection);
        String id = s.length > 3 ? decode(s[3]) : "";
        String name = s.length > 5 ? decode(s[5]) : "";
        Kind kind = switch (s.length) {
            case 3 -> "health".equals(collection) ? Kind.HEALTH
                    : apps ? Kind.APPS : "orgs".equals(collection) ? Kind.ORGS : Kind.UNKNOWN;
            case 4 -> apps ? Kind.APP : Kind.UNKNOWN;
            case 5 -> apps && "secrets".equals(s[4]) ? Kind.SECRETS
                    : "orgs".equals(collection) && "secrets".equals(s[4]) ? Kind.ORG_SECRETS
                    : projects && "org-secrets".equals(s[4]) ? Kind.LINKED_ORG_SECRETS : Kind.UNKNOWN;
            case 6 -> apps && "secrets".equals(s[4]) ? Kind.SECRET
                    : projects && "org-secrets".equals(s[4]) ? Kind.LINKED_ORG_SECRET : Kind.UNKNOWN;
            default -> Kind.UNKNOWN;
        };
        return switch (kind) {
            case UNKNOWN -> UNKNOWN;
            case HEALTH -> new ApiPath(kind, "", "", "");
            default -> new ApiPath(kind, collection, id, name);
        };
    }

    /**
     * What the rate limit counts this request against: its project when the path names one, else one shared
     * key for the routes without a project.
     */
    String rateLimitKey() {
        return switch (kind) {
            case APP, SECRETS, SECRET, LINKED_ORG_SECRETS, LINKED_ORG_SECRET ->
                    PathIds.positive(id).map(project -> "project " + project).orElse("project " + id);
            default -> "no project";
        };
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
