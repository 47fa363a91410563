package ai.spice.secrets.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** Reads a request body, refusing one over {@link #MAX_BODY_BYTES} with 413. */
final class BodyReader {

    /** 32 MiB: far above any real secret, low enough that a runaway test cannot exhaust the heap. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private BodyReader() {}

    static byte[] read(InputStream in, Optional<String> contentLength) throws IOException, RejectedRequest {
        long declared = contentLength.map(BodyReader::parseLength).orElse(-1L);
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge(in);
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge(in);
        }
        return body;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Reads the rest of the body before refusing it: a client still sending would otherwise meet a reset
     * connection instead of the 413.
     */
    private static RejectedRequest tooLarge(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
        return RejectedRequest.of(413, "Request body too large");
    }
}
