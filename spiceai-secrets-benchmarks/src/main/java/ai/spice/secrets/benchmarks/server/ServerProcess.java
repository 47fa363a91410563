package ai.spice.secrets.benchmarks.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link ServerMain} started as a child process on this JVM's class path; closing it stops the process. */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Endpoint endpoint;

    private ServerProcess(Process process, Endpoint endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts a server with no added latency and no spare apps. */
    public static ServerProcess start(ServerKind kind) {
        return start(kind, 0, 0);
    }

    /**
     * Starts a server and waits until it is listening.
     *
     * @param latencyMillis added to every request by the emulator (ignored by the canned server)
     * @param spareApps     how many empty apps to create
     */
    public static ServerProcess start(ServerKind kind, long latencyMillis, int spareApps) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xms512m", "-Xmx512m",
                "-Dsun.net.httpserver.nodelay=true",
                "-cp", System.getProperty("java.class.path"),
                ServerMain.class.getName(), kind.name(), Long.toString(latencyMillis), Integer.toString(spareApps)));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    return new ServerProcess(process, Endpoint.parse(line.substring("READY ".length())));
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("the benchmark server exited with " + process.waitFor() + " before it was ready");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the benchmark server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the benchmark server", e);
        }
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The {@code java} launcher of this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
