package ai.spice.secrets.internal;

import java.net.http.HttpHeaders;

/** A response as received: status, headers and the (capped) body bytes. */
record RawResponse(int status, HttpHeaders headers, byte[] body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
