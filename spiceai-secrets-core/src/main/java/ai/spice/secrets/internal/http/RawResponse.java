package ai.spice.secrets.internal.http;

import java.net.http.HttpHeaders;

/** A response as received: status, headers and the (capped) body bytes. */
public record RawResponse(int status, HttpHeaders headers, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
