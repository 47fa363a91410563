package ai.spice.secrets.testkit;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link SecretsEmulator} as a local server for manual tries and for other tools: starts it, creates an
 * app, a read-write token, a read-only token and an OAuth client, prints them as shell {@code export} lines, and
 * serves until Ctrl-C.
 *
 * <pre>{@code
 * mvn -q -pl spiceai-secrets-testkit compile exec:java -Dexec.args="--port 8787"
 * java -cp ... ai.spice.secrets.testkit.EmulatorMain --port 0     # a free port
 * }</pre>
 */
public final class EmulatorMain {

    /** The port used when {@code --port} is not given. */
    public static final int DEFAULT_PORT = 8787;

    private static final String USAGE = "usage: EmulatorMain [--port N]   (default " + DEFAULT_PORT + "; 0 for a free port)";

    private EmulatorMain() {}

    /**
     * Starts the emulator and blocks until the JVM is stopped (Ctrl-C); a shutdown hook closes it.
     *
     * @param args {@code --port N} or {@code --port=N}, optional
     * @throws InterruptedException if the waiting main thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int port;
        try {
            port = port(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SecretsEmulator emulator = SecretsEmulator.builder().port(port).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "secrets-emulator-shutdown"));
        describe(emulator, System.out);
        System.err.println("# Spice.ai secrets emulator serving on " + emulator.baseUrl() + "; Ctrl-C to stop");
        stopped.await();
    }

    /** Parses {@code --port N}; no argument means {@link #DEFAULT_PORT}. */
    static int port(String... args) {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.startsWith("--port=")) {
                value = arg.substring("--port=".length());
            } else if ("--port".equals(arg) && i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unknown or incomplete argument: " + arg);
            }
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port: " + value, e);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + value);
            }
        }
        return port;
    }

    /**
     * Creates an app, a read-write token ({@code apps:read} too, so that tools can resolve the app through
     * {@code /v1/apps} first), a read-only token ({@code secrets:read} only, to meet the 403 of a write) and an
     * OAuth client, and prints them as {@code export} lines with the organization's handle. Printing tokens and a
     * client secret is deliberate here, and nowhere else: they are throwaway credentials of a local emulator that
     * holds no real data and dies with the process.
     */
    static void describe(SecretsEmulator emulator, PrintStream out) {
        long appId = emulator.createApp("local");
        String token = emulator.issueToken("apps:read", "secrets:read", "secrets:write");
        String readOnly = emulator.issueToken("secrets:read");
        ClientCredentials client = emulator.registerClient("apps:read", "secrets:read", "secrets:write");
        out.println("export SPICEAI_API_ENDPOINT=" + emulator.baseUrl());
        out.println("export SPICEAI_ORG=" + emulator.defaultOrganization().handle());
        out.println("export SPICE_APP_ID=" + appId);
        out.println("export SPICE_API_TOKEN=" + token);
        out.println("export SPICE_API_TOKEN_READ_ONLY=" + readOnly);
        out.println("export SPICEAI_OAUTH_ENDPOINT=" + emulator.tokenUrl());
        out.println("export SPICEAI_CLIENT_ID=" + client.clientId());
        out.println("export SPICEAI_CLIENT_SECRET=" + client.clientSecret());
        out.flush();
    }
}
