package ai.spice.secrets.benchmarks;

import ai.spice.secrets.benchmarks.bulk.BulkHarness;
import ai.spice.secrets.benchmarks.coldstart.ColdStartHarness;
import ai.spice.secrets.benchmarks.footprint.Footprint;
import ai.spice.secrets.benchmarks.interleaved.InterleavedHarness;
import ai.spice.secrets.benchmarks.pacing.PacingHarness;
import ai.spice.secrets.benchmarks.report.Machine;
import ai.spice.secrets.benchmarks.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole suite in one command: JMH per-call benchmarks (canned server, then emulator; a fork per client), the
 * same calls on the canned server with every client in one JVM in interleaved rounds, bulk, pacing against a rate
 * limit, cold start, footprint,
 * then the summary and chart. {@code run-benchmarks.sh} builds the jar, resolves the footprint class paths and runs
 * this.
 *
 * <pre>{@code
 * java -jar benchmarks.jar [--out DIR] [--docs DIR] [--baseline DIR] [--only jmh,interleaved,bulk,pacing,coldstart,footprint,report]
 *                            [--quick]
 * java -jar benchmarks.jar jmh <JMH arguments>     # JMH's own command line, e.g. -lp, or one benchmark
 * }</pre>
 */
public final class Suite {

    private static final Set<String> STEPS = Set.of("jmh", "interleaved", "bulk", "pacing", "coldstart", "footprint",
            "report");

    /**
     * Warm-up and measured iterations (1 s each) per fork. On a busy 2-core machine a fork's JIT takes 20 to 30 s of
     * calls to settle (a get's time fell from about 4 ms to about 0.2 ms over 25 one-second iterations), so the
     * warm-up is 30 s; fewer left the measured iterations in the middle of it.
     */
    static final int CANNED_WARMUP = 30;
    /** Per fork; the canned server's forks run in {@link #CANNED_PASSES} passes, the clients' order alternating. */
    static final int CANNED_MEASURED = 5;
    static final int CANNED_PASSES = 3;
    static final int EMULATOR_WARMUP = 20;
    static final int EMULATOR_MEASURED = 5;

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Path out = Path.of("target", "benchmarks");
        Path docs = null;
        Path baseline = null;
        Set<String> only = STEPS;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--docs" -> docs = Path.of(args[++i]);
                case "--baseline" -> baseline = Path.of(args[++i]);
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--quick" -> quick = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [--out DIR] [--docs DIR] [--baseline DIR] [--only jmh,interleaved,bulk,pacing,coldstart,footprint,report] [--quick]"
                        + " | jmh ...");
            }
        }
        if (quick && docs != null) {
            System.out.println("--quick: rough figures, so docs/ is left as it is; the summary is in " + out);
            docs = null;
        }
        // Before any com.sun.net.httpserver server in this JVM (the servers run in their own processes; belt and braces).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String settings = quick ? "quick (development) settings" : "JMH forks 1, canned server: " + CANNED_PASSES
                + " passes (clients' order alternating) of " + CANNED_WARMUP + " x 1 s warm-up + " + CANNED_MEASURED + " x 1 s measured,"
                + " emulator: " + EMULATOR_WARMUP + " + " + EMULATOR_MEASURED + "; interleaved: " + rounds(InterleavedHarness.Settings.full())
                + "; bulk 1,000 upserts at 20 ms (and 5 pairs of turns against the JDK's default executor); pacing 3 runs of each scenario, paced and not; cold start 15 runs per client";
        // The machine and settings of the run that made the per-call figures (or of whatever ran first here).
        if (only.contains("jmh") || !Files.exists(out.resolve("machine.json")) && !only.equals(Set.of("report"))) {
            Report.write(out, Machine.current(settings), "machine.json");
        }
        if (only.contains("jmh")) {
            String all = PerCallBenchmark.class.getName() + "\\.";
            String get = PerCallBenchmark.class.getName() + "\\.get$";
            // A fork per pass and client, the passes in alternating client orders: on this machine two forks of the
            // same client and code differ by up to 20%, so one fork each decides nothing at 5%.
            for (int pass = 0; pass < (quick ? 1 : CANNED_PASSES); pass++) {
                List<String> clients = pass % 2 == 0 ? List.of("sdk", "floor", "peer") : List.of("peer", "floor", "sdk");
                perCall(Report.jmhFile(out, Report.cannedPass(pass)), all, "canned", clients,
                        quick ? 1 : CANNED_WARMUP, quick ? 1 : CANNED_MEASURED);
            }
            perCall(Report.jmhFile(out, "canned-async"), get, "canned", List.of("floor_async", "sdk_async"),
                    quick ? 1 : CANNED_WARMUP, quick ? 1 : CANNED_MEASURED);
            perCall(Report.jmhFile(out, "emulator"), all, "emulator", List.of("sdk", "floor", "peer"),
                    quick ? 1 : EMULATOR_WARMUP, quick ? 1 : EMULATOR_MEASURED);
        }
        if (only.contains("interleaved")) {
            InterleavedHarness.runForked(quick ? InterleavedHarness.Settings.quick() : InterleavedHarness.Settings.full(),
                    Report.interleavedFile(out));
        }
        if (only.contains("bulk")) {
            BulkHarness.Settings bulk = quick ? new BulkHarness.Settings(200, 20, List.of(1, 8, 16), 1, true, 1)
                    : BulkHarness.Settings.full();
            Report.write(out, BulkHarness.run(bulk, System.out::println), "bulk.json");
        }
        if (only.contains("pacing")) {
            Report.write(out, PacingHarness.run(quick ? PacingHarness.Settings.smoke() : PacingHarness.Settings.full(),
                    System.out::println), "pacing.json");
        }
        if (only.contains("coldstart")) {
            Report.write(out, ColdStartHarness.run(quick ? 3 : 15, 2, System.out::println), "coldstart.json");
        }
        if (only.contains("footprint")) {
            Report.write(out, Footprint.compute(out.resolve("footprint")), "footprint.json");
        }
        if (only.contains("report")) {
            System.out.println(Report.render(out, docs, baseline));
        }
    }

    private static String rounds(InterleavedHarness.Settings settings) {
        return String.format(java.util.Locale.ROOT, "%d s warm-up + %d measured rounds, about %d ms per client and pass",
                settings.warmUpSeconds(), settings.rounds(), settings.batchMicros() / 1000);
    }

    /** One JMH run of {@link PerCallBenchmark} against one server, with the GC profiler, to {@code file}. */
    static void perCall(Path file, String include, String server, List<String> clients, int warmups, int iterations)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .param("server", server)
                .param("client", clients.toArray(String[]::new))
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.MICROSECONDS)
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true")
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(file.toString());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new Runner(options.build()).run();
    }

}
