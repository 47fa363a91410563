package ai.spice.secrets.benchmarks.report;

import ai.spice.secrets.benchmarks.bulk.BulkHarness;
import ai.spice.secrets.benchmarks.coldstart.ColdStartHarness;
import ai.spice.secrets.benchmarks.footprint.Footprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The panels of {@code performance.svg}, drawn from a run's figures. */
final class Charts {

    private Charts() {
    }

    static String render(Figures figures, Optional<Machine> machine) {
        List<SvgChart.Panel> panels = new ArrayList<>();
        if (!figures.jmh().isEmpty()) {
            panels.add(perCall(figures, "Time per call, relative to the floor (canned server; lower is better)",
                    JmhResults.Figure::micros, 1.10, "goal 1.10x"));
            panels.add(perCall(figures, "Bytes allocated per call, relative to the floor (lower is better)",
                    JmhResults.Figure::bytes, 1.5, "goal 1.5x"));
        }
        figures.bulk().ifPresent(bulk -> panels.add(bulk(bulk)));
        figures.cold().ifPresent(cold -> panels.add(coldStart(cold)));
        figures.footprint().ifPresent(footprint -> panels.add(footprint(footprint)));
        String subtitle = machine.map(m -> String.format(Locale.ROOT, "%d cores, %s, %s; run %s", m.cores(), m.cpu(),
                m.jdk(), m.runAt())).orElse("");
        return SvgChart.render("Spice.ai Secrets SDK: SDK vs hand-written floor vs generated client", subtitle, panels);
    }

    private static SvgChart.Panel perCall(Figures figures, String title, ToDoubleFunction<JmhResults.Figure> metric,
                                          double goal, String goalLabel) {
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (String call : figures.jmh().calls()) {
            add(bars, figures, call, "sdk", "SDK", SvgChart.SDK, metric);
            add(bars, figures, call, "peer", "generated", SvgChart.PEER, metric);
            add(bars, figures, call, "floor_async", "floor via sendAsync (diagnostic)", SvgChart.DIAGNOSTIC, metric);
            add(bars, figures, call, "sdk_send", "SDK, send() prototype", "#8fb9dd", metric);
        }
        return new SvgChart.Panel(title, bars, List.of(new SvgChart.Marker(1.0, "floor", "#444"),
                new SvgChart.Marker(goal, goalLabel, "#c0392b")));
    }

    private static void add(List<SvgChart.Bar> bars, Figures figures, String call, String client, String label, String color,
                            ToDoubleFunction<JmhResults.Figure> metric) {
        figures.ratio(call, client, "floor", Figures.PURE, metric).filter(r -> !r.isNaN()).ifPresent(ratio ->
                bars.add(new SvgChart.Bar(call + ": " + label, ratio, String.format(Locale.ROOT, "%.2fx", ratio), color)));
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
