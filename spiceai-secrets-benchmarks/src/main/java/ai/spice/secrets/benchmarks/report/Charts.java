package ai.spice.secrets.benchmarks.report;

import ai.spice.secrets.benchmarks.bulk.BulkHarness;
import ai.spice.secrets.benchmarks.coldstart.ColdStartHarness;
import ai.spice.secrets.benchmarks.footprint.Footprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/** The panels of {@code performance.svg}, drawn from a run's figures. */
final class Charts {

    private Charts() {
    }

    static String render(Figures figures, Optional<Machine> machine) {
        List<SvgChart.Panel> panels = new ArrayList<>();
        String timeGoal = String.format(Locale.ROOT, "goal %.2fx", Figures.TIME_GOAL);
        String bytesGoal = String.format(Locale.ROOT, "goal %.2fx", Figures.BYTES_GOAL);
        if (!figures.jmh().isEmpty()) {
            panels.add(perCall(figures.jmh().calls(), "Time per call, relative to the floor (canned server, a fork per client; "
                    + "lower is better)", (call, client) -> figures.ratio(call, client, "floor", Figures.PURE,
                    JmhResults.Figure::micros), Figures.TIME_GOAL, timeGoal));
            panels.add(perCall(figures.jmh().calls(), "Bytes allocated per call, relative to the floor (a fork per client)",
                    (call, client) -> figures.ratio(call, client, "floor", Figures.PURE, JmhResults.Figure::bytes),
                    Figures.BYTES_GOAL, bytesGoal));
        }
        figures.interleaved().ifPresent(in -> {
            panels.add(perCall(in.calls(), "Time per call, relative to the floor (canned server, all clients in one JVM, "
                    + "interleaved rounds)", (call, client) -> in.ratio(call, client, "floor", InterleavedResults.Metric.TIME),
                    Figures.TIME_GOAL, timeGoal));
            panels.add(perCall(in.calls(), "Bytes allocated per call, relative to the floor (one JVM, interleaved rounds)",
                    (call, client) -> in.ratio(call, client, "floor", InterleavedResults.Metric.BYTES),
                    Figures.BYTES_GOAL, bytesGoal));
        });
        figures.bulk().ifPresent(bulk -> panels.add(bulk(bulk)));
        figures.cold().ifPresent(cold -> panels.add(coldStart(cold)));
        figures.footprint().ifPresent(footprint -> panels.add(footprint(footprint)));
        String subtitle = machine.map(m -> String.format(Locale.ROOT, "%d cores, %s, %s; run %s", m.cores(), m.cpu(),
                m.jdk(), m.runAt())).orElse("");
        return SvgChart.render("Spice.ai Secrets SDK: SDK vs hand-written floor vs generated client", subtitle, panels);
    }

    private static SvgChart.Panel perCall(List<String> calls, String title,
                                          BiFunction<String, String, Optional<Double>> ratioToFloor, double goal,
                                          String goalLabel) {
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (String call : calls) {
            add(bars, call, "SDK", SvgChart.SDK, ratioToFloor.apply(call, "sdk"));
            add(bars, call, "generated", SvgChart.PEER, ratioToFloor.apply(call, "peer"));
            add(bars, call, "floor via sendAsync (diagnostic)", SvgChart.DIAGNOSTIC, ratioToFloor.apply(call, "floor_async"));
            add(bars, call, "SDK async (diagnostic)", "#8fb9dd", ratioToFloor.apply(call, "sdk_async"));
        }
        return new SvgChart.Panel(title, bars, List.of(new SvgChart.Marker(1.0, "floor", "#444"),
                new SvgChart.Marker(goal, goalLabel, "#c0392b")));
    }

    private static void add(List<SvgChart.Bar> bars, String call, String label, String color, Optional<Double> ratio) {
        ratio.filter(r -> !r.isNaN()).ifPresent(r ->
                bars.add(new SvgChart.Bar(call + ": " + label, r, String.format(Locale.ROOT, "%.2fx", r), color)));
    }

    private static SvgChart.Panel bulk(BulkHarness.Report bulk) {
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (BulkHarness.Run run : bulk.runs()) {
            String color = run.client().equals("peer") ? SvgChart.PEER
                    : run.scenario().endsWith("-default") || run.scenario().endsWith("-16") || run.scenario().endsWith("-loop")
                    ? SvgChart.SDK : "#7fa7cf";
            bars.add(new SvgChart.Bar(run.description(), run.medianSeconds(), String.format(Locale.ROOT,
                    "%.2f s (ideal %.2f s)", run.medianSeconds(), run.idealSeconds()), color));
        }
        return new SvgChart.Panel(String.format(Locale.ROOT, "Bulk: %,d upserts, %d ms latency per request, wall seconds",
                bulk.requests(), bulk.latencyMillis()), bars, List.of());
    }

    private static SvgChart.Panel coldStart(ColdStartHarness.Report cold) {
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (String client : List.of("sdk", "floor", "peer")) {
            List<Double> totals = cold.samples().stream().filter(s -> s.client().equals(client))
                    .map(ColdStartHarness.Sample::totalMillis).sorted().toList();
            if (totals.isEmpty()) {
                continue;
            }
            double median = JmhResults.median(totals);
            bars.add(new SvgChart.Bar(Tables.name(client), median, String.format(Locale.ROOT, "%.0f ms (%.0f-%.0f)", median,
                    totals.get(0), totals.get(totals.size() - 1)), color(client), totals.get(0), totals.get(totals.size() - 1)));
        }
        return new SvgChart.Panel("Cold start: new JVM to first list() returned, ms (median; whiskers min-max)", bars, List.of());
    }

    private static SvgChart.Panel footprint(Footprint.Report footprint) {
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (Footprint.Closure closure : footprint.closures()) {
            bars.add(new SvgChart.Bar(Tables.name(closure.client()), closure.totalBytes() / 1048576.0,
                    Figures.mib(closure.totalBytes()), color(closure.client())));
        }
        return new SvgChart.Panel("Runtime dependency closure, MiB (lower is better)", bars, List.of());
    }

    private static String color(String client) {
        return switch (client) {
            case "sdk" -> SvgChart.SDK;
            case "floor" -> SvgChart.FLOOR;
            default -> SvgChart.PEER;
        };
    }
}
