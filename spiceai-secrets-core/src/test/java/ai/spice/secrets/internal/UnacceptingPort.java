package ai.spice.secrets.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A listening port whose queue of connections waiting to be accepted is already full, and that accepts none: a
 * new connection to it waits until its connect timeout (Linux drops the SYN; where the OS refuses it instead, the
 * test is skipped).
 */
final class UnacceptingPort implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket();
    private final List<Socket> queued = new ArrayList<>();

    UnacceptingPort() throws IOException {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        for (int i = 0; i < 50; i++) {
            Socket filler = new Socket();
            queued.add(filler);
            try {
                filler.connect(socket.getLocalSocketAddress(), 200);
            } catch (SocketTimeoutException full) {
                return;
            } catch (ConnectException refused) {
                close();
                Assumptions.abort("this OS refuses a connection to a full queue instead of leaving it waiting");
            }
        }
        close();
        Assumptions.abort("the connection queue never filled up");
    }

    int number() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : queued) {
            filler.close();
        }
        socket.close();
    }
}
