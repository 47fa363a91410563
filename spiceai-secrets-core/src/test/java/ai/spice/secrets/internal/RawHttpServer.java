package ai.spice.secrets.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on a plain socket, for answers WireMock cannot give: a body streamed while it is written
 * (so 100 MB is never in memory), or a server that comes up on a port only when a test says so. Each connection
 * serves one request and is closed. ({@code com.sun.net.httpserver} is not readable from this module's tests.)
 */
final class RawHttpServer implements AutoCloseable {

    /** Writes the whole response, status line included, for one request. */
    @FunctionalInterface
    interface Handler {
        void answer(String requestLine, OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final AtomicInteger requests = new AtomicInteger();

    RawHttpServer(int port, Handler handler) {
        this.handler = handler;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "raw-http-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server answering every request with this status and JSON body (or no body if null). */
    static RawHttpServer answering(int port, int status, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return new RawHttpServer(port, (requestLine, out) -> {
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
        });
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a server socket that is already closed
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread worker = new Thread(() -> serve(connection), "raw-http-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            String head = readHead(in);
            requests.incrementAndGet();
            long length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            in.skipNBytes(length);
            OutputStream out = connection.getOutputStream();
            handler.answer(head.substring(0, Math.max(0, head.indexOf('\r'))), out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the client went away (as it should when it refuses a body): nothing to do
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed before the end of the headers");
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
