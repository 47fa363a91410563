package ai.spice.secrets.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Builds the HTTP requests: the URL, the headers every request carries, and the body. */
public final class RequestFactory {

    private static final String JSON = "application/json";

    private final String baseUrl;
    private final Duration requestTimeout;
    private final String organization;

    /** @param organization the {@code X-Org-Name} handle, or null */
    public RequestFactory(URI baseUrl, Duration requestTimeout, String organization) {
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.requestTimeout = requestTimeout;
        this.organization = organization;
    }

    public HttpRequest apiRequest(ApiRequest request, String token) {
        HttpRequest.Builder builder = common(URI.create(baseUrl + request.path()))
                .header("Authorization", "Bearer " + token);
        if (organization != null) {
            builder.header("X-Org-Name", organization);
        }
        return withBody(builder, request.method(), request.body()).build();
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

    private HttpRequest.Builder common(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", JSON)
                .header("User-Agent", UserAgent.VALUE);
        if ("http".equals(uri.getScheme())) {
            // No h2c upgrade dance with a plain-text loopback emulator: HTTP/2 is for TLS, where ALPN picks it.
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
}
