package ai.spice.secrets.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Reads request bodies, refusing one over the limit with 413 {@code Request body exceeds the 1 MiB limit}, as Spice
 * documents it (the size in the message follows the limit). Any route with a body is limited.
 */
final class BodyReader {

    /** The highest limit a test may set: 64 MiB, low enough that a runaway test cannot exhaust the heap. */
    static final int MAX_LIMIT_BYTES = EmulatorRuntime.Settings.MAX_BODY_LIMIT;

    private final int limit;

    /** @param limit the largest body accepted, in bytes, 1 to {@link #MAX_LIMIT_BYTES} */
    BodyReader(int limit) {
        this.limit = limit;
    }

    byte[] read(InputStream in, Optional<String> contentLength) throws IOException, RejectedRequest {
        long declared = contentLength.map(BodyReader::parseLength).orElse(-1L);
        if (declared > limit) {
            throw tooLarge(in);
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw tooLarge(in);
        }
        return body;
    }

    /** The size as the message gives it: {@code 1 MiB}, {@code 512 KiB}, or {@code 1000 bytes}. */
    static String size(int bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + (bytes == 1 ? " byte" : " bytes");
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
    private RejectedRequest tooLarge(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
        return RejectedRequest.of(413, "Request body exceeds the " + size(limit) + " limit");
    }
}
