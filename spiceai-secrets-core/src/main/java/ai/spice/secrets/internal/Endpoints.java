package ai.spice.secrets.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/** Checks of the base and token URLs: absolute, http(s), and plain http only to a loopback host. */
final class Endpoints {

    static final URI DEFAULT_BASE_URL = URI.create("https://api.spice.ai");
    static final URI DEFAULT_TOKEN_URL = URI.create("https://spice.ai/api/oauth/token");

    private Endpoints() {
    }

    static URI check(URI url, String what) {
        Objects.requireNonNull(url, what);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(what + " must be an absolute https URL, was \"" + url + "\"");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not carry user info, a query or a fragment: \"" + redact(url) + "\"");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException(what + " must use https: plain http is only allowed to a loopback host"
                    + " (an emulator on this machine), was \"" + url + "\"");
        }
        return url;
    }

    static URI parse(String url, String what) {
        Objects.requireNonNull(url, what);
        try {
            return check(URI.create(url.strip()), what);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(what)) {
                throw e;
            }
            throw new IllegalArgumentException(what + " is not a valid URL: \"" + url + "\"", e);
        }
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false; // a name other than localhost: not resolved here, so DNS cannot make it "loopback"
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String redact(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/...";
    }
}
