package ai.spice.secrets.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the HTTP requests: the URL, the headers every request carries, and the body. What is the same for every
 * request of a client (the headers with the current token, the HTTP version) is made once, not per call. An API
 * request carries no JDK timeout: the caller bounds the whole response by {@link #requestTimeout()} itself (the JDK's
 * own timer stops at the headers, and arming it cost every call a timer registration and a selector wake-up).
 * Thread-safe.
 */
public final class RequestFactory {

    private static final String JSON = "application/json";

    private final String baseUrl;
    private final Duration requestTimeout;
    private final String organization;
    private final Optional<HttpClient.Version> version;
    /** The API requests' headers for the last token seen; replaced when the token changes (a refresh, a provider). */
    private volatile Headers headers;

    /** @param organization the {@code X-Org-Name} handle, or null */
    public RequestFactory(URI baseUrl, Duration requestTimeout, String organization) {
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.requestTimeout = requestTimeout;
        this.organization = organization;
        // No h2c upgrade dance with a plain-text loopback emulator: HTTP/2 is for TLS, where ALPN picks it.
        this.version = "http".equals(baseUrl.getScheme()) ? Optional.of(HttpClient.Version.HTTP_1_1) : Optional.empty();
    }

    public HttpRequest apiRequest(ApiRequest request, String token) {
        URI uri = URI.create(baseUrl + request.path());
        Headers current = headers;
        if (current == null || !current.token.equals(token)) {
            current = new Headers(token, headers(uri, token, false), headers(uri, token, true));
            headers = current;
        }
        byte[] body = request.body();
        return body == null
                ? new ApiHttpRequest(uri, request.method(), current.withoutBody, NO_BODY, version)
                : new ApiHttpRequest(uri, request.method(), current.withBody,
                        Optional.of(HttpRequest.BodyPublishers.ofByteArray(body)), version);
    }

    /** The bound of an API request's whole response, headers and body: what its sender must enforce. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Whether a header value has only printable ASCII, spaces and tabs: no line break can end the header early. */
    public static boolean canCarry(String headerValue) {
        for (int i = 0; i < headerValue.length(); i++) {
            char c = headerValue.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                return false;
            }
        }
        return true;
    }

    public HttpRequest tokenRequest(URI tokenUrl, byte[] body) {
        return withBody(common(tokenUrl), "POST", body).build();
    }

    /** The headers as the JDK's own builder makes (and checks) them: built once per token, not per request. */
    private HttpHeaders headers(URI uri, String token, boolean body) {
        HttpRequest.Builder builder = common(uri).header("Authorization", "Bearer " + token);
        if (organization != null) {
            builder.header("X-Org-Name", organization);
        }
        return withBody(builder, body ? "POST" : "GET", body ? new byte[0] : null).build().headers();
    }

    private HttpRequest.Builder common(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", JSON)
                .header("User-Agent", UserAgent.VALUE);
        if ("http".equals(uri.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder;
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, byte[] body) {
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** An empty body; it keeps no state, so every request without a body can share it. */
    private static final Optional<HttpRequest.BodyPublisher> NO_BODY = Optional.of(HttpRequest.BodyPublishers.noBody());

    /** The headers of one token. A class, not a record: a record's {@code toString} would print the token. */
    private static final class Headers {
        final String token;
        final HttpHeaders withoutBody;
        final HttpHeaders withBody;

        Headers(String token, HttpHeaders withoutBody, HttpHeaders withBody) {
            this.token = token;
            this.withoutBody = withoutBody;
            this.withBody = withBody;
        }
    }

    /**
     * A request made of parts built beforehand: what {@code HttpRequest.newBuilder()...build()} gives, without building
     * and checking the same headers again for every call, and without a JDK timeout (see the class comment). The JDK
     * client copies what it needs from any {@link HttpRequest} it is given, this one included.
     */
    private static final class ApiHttpRequest extends HttpRequest {

        private final URI uri;
        private final String method;
        private final HttpHeaders headers;
        private final Optional<BodyPublisher> body;
        private final Optional<HttpClient.Version> version;

        ApiHttpRequest(URI uri, String method, HttpHeaders headers, Optional<BodyPublisher> body,
                       Optional<HttpClient.Version> version) {
            this.uri = uri;
            this.method = method;
            this.headers = headers;
            this.body = body;
            this.version = version;
        }

        @Override
        public Optional<BodyPublisher> bodyPublisher() {
            return body;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public Optional<Duration> timeout() {
            return Optional.empty();
        }

        @Override
        public boolean expectContinue() {
            return false;
        }

        @Override
        public URI uri() {
            return uri;
        }

        @Override
        public Optional<HttpClient.Version> version() {
            return version;
        }

        @Override
        public HttpHeaders headers() {
            return headers;
        }

        @Override
        public String toString() {
            return uri + " " + method;
        }
    }
}
