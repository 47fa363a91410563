package ai.spice.secrets.benchmarks.coldstart;

import ai.spice.secrets.benchmarks.server.Endpoint;
import ai.spice.secrets.benchmarks.server.ServerKind;
import ai.spice.secrets.benchmarks.server.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Launches a fresh JVM per run ({@code java -cp <this class path> <XxxFirstCall> ...}, no other flag) and measures
 * the time from just before the process is started to the return of its first {@code list()} of
 * {@value Endpoint#SMALL_LIST} secrets from the emulator (itself warm, in a process of its own). The child reads
 * {@code System.nanoTime()}, which on Linux is the system-wide monotonic clock, so the parent's and the child's
 * readings are on one time line. Clients take turns (sdk, floor, peer, sdk, ...) so that drift in the machine's load
 * spreads over all three.
 */
public final class ColdStartHarness {

    /** Calls made after the first one before the threads are counted again. */
    static final int MORE_CALLS = 20;

    private static final Map<String, Class<?>> MAINS = new LinkedHashMap<>();

    static {
        MAINS.put("sdk", SdkFirstCall.class);
        MAINS.put("floor", FloorFirstCall.class);
        MAINS.put("peer", PeerFirstCall.class);
    }

    /**
     * One launch.
     *
     * @param totalMillis     from just before the process start to the first call's return
     * @param inMainMillis    from {@code main} entered to the first call's return (JVM start-up excluded)
     * @param exitMillis      from just before the process start to the process's exit, as a cross-check
     * @param threadsAdded    live threads after {@value #MORE_CALLS} more calls minus those at {@code main}
     * @param addedNames      the threads added, with counters replaced by N
     * @param threadsStarted  every thread the process started, the JVM's own included, however short-lived
     */
    public record Sample(String client, int run, double totalMillis, double inMainMillis, double exitMillis,
                         int threadsBefore, int threadsBuilt, int threadsFirstCall, int threadsAfter,
                         int threadsAdded, String addedNames, long threadsStarted) {
    }

    /** All launches and how they were made. */
    public record Report(int runs, String command, List<Sample> samples) {
    }

    private ColdStartHarness() {
    }

    /**
     * Runs {@code runs} launches per client after {@code warmUps} unrecorded rounds.
     *
     * @param warmUps rounds (one launch per client) that warm the server and the file cache, not recorded
     */
    public static Report run(int runs, int warmUps, Consumer<String> log) {
        try (ServerProcess server = ServerProcess.start(ServerKind.EMULATOR)) {
            Endpoint endpoint = server.endpoint();
            // Warm the server, so the first child does not pay for the server's own first requests.
            for (int i = 0; i < warmUps; i++) {
                MAINS.keySet().forEach(client -> launch(client, -1, endpoint));
            }
            List<Sample> samples = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                for (String client : MAINS.keySet()) {
                    Sample sample = launch(client, run, endpoint);
                    samples.add(sample);
                    log.accept(String.format("cold start %-5s run %2d: %6.1f ms (in main %6.1f ms), threads +%d",
                            client, run, sample.totalMillis(), sample.inMainMillis(), sample.threadsAdded()));
                }
            }
            return new Report(runs, ServerProcess.java() + " -cp <benchmarks class path> <SdkFirstCall|FloorFirstCall|PeerFirstCall> "
                    + "<baseUrl> <token> <appId>", samples);
        }
    }

    private static Sample launch(String client, int run, Endpoint endpoint) {
        List<String> command = List.of(ServerProcess.java(), "-cp", System.getProperty("java.class.path"),
                MAINS.get(client).getName(), endpoint.baseUrl(), endpoint.token(), Long.toString(endpoint.smallApp()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            String line = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String read = out.readLine(); read != null; read = out.readLine()) {
                    if (read.startsWith("COLDSTART ")) {
                        line = read.substring("COLDSTART ".length());
                    }
                }
            }
            int exit = process.waitFor();
            long exited = System.nanoTime();
            if (exit != 0 || line == null) {
                throw new IllegalStateException(client + " first-call process exited with " + exit + " and no report");
            }
            Map<String, String> fields = new HashMap<>();
            for (String field : line.split(";")) {
                int eq = field.indexOf('=');
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
            if (Integer.parseInt(fields.get("listed")) != Endpoint.SMALL_LIST) {
                throw new IllegalStateException(client + " listed " + fields.get("listed") + " secrets");
            }
            long entered = Long.parseLong(fields.get("entered"));
            long done = Long.parseLong(fields.get("done"));
            double total = (done - started) / 1e6;
            if (total <= 0 || total > (exited - started) / 1e6) {
                throw new IllegalStateException("the child's clock is not the parent's: " + total + " ms");
            }
            int before = Integer.parseInt(fields.get("threadsBefore"));
            int after = Integer.parseInt(fields.get("threadsAfter" + MORE_CALLS));
            return new Sample(client, run, total, (done - entered) / 1e6, (exited - started) / 1e6, before,
                    Integer.parseInt(fields.get("threadsBuilt")), Integer.parseInt(fields.get("threadsFirstCall")),
                    after, after - before, fields.get("added"), Long.parseLong(fields.get("threadsStarted")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
