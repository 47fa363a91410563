package ai.spice.secrets.benchmarks.report;

import ai.spice.secrets.benchmarks.bulk.BulkHarness;
import ai.spice.secrets.benchmarks.coldstart.ColdStartHarness;
import ai.spice.secrets.benchmarks.footprint.Footprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The ratios the goals are judged on, computed once from a run's results. */
record Figures(JmhResults jmh, Optional<BulkHarness.Report> bulk, Optional<ColdStartHarness.Report> cold,
               Optional<Footprint.Report> footprint) {

    static final String PURE = "canned";

    Optional<Double> ratio(String call, String client, String base, String server, ToDoubleFunction<JmhResults.Figure> metric) {
        return jmh.find(call, client, server).flatMap(a -> jmh.find(call, base, server)
                .map(b -> metric.applyAsDouble(a) / metric.applyAsDouble(b)));
    }

    Optional<BulkHarness.Run> bulkRun(String scenario) {
        return bulk.flatMap(b -> b.runs().stream().filter(r -> r.scenario().equals(scenario)).findFirst());
    }

    Optional<Double> coldMedian(String client, ToDoubleFunction<ColdStartHarness.Sample> metric) {
        return cold.map(c -> JmhResults.median(c.samples().stream().filter(s -> s.client().equals(client))
                .map(s -> metric.applyAsDouble(s)).toList())).filter(v -> !Double.isNaN(v));
    }

    Optional<Long> closureBytes(String client) {
        return footprint.flatMap(f -> f.closures().stream().filter(c -> c.client().equals(client)).findFirst())
                .map(Footprint.Closure::totalBytes);
    }

    List<Report.Goal> goals() {
        List<Report.Goal> goals = new ArrayList<>();
        if (!jmh.isEmpty()) {
            goals.add(worst("SDK time per call within 1.10x of the floor", "sdk", "floor", JmhResults.Figure::micros, 1.10));
            goals.add(worst("SDK bytes allocated per call within 1.5x of the floor", "sdk", "floor", JmhResults.Figure::bytes, 1.5));
            goals.add(worst("SDK at or below the peer on time per call", "sdk", "peer", JmhResults.Figure::micros, 1.0));
            goals.add(worst("SDK at or below the peer on bytes per call", "sdk", "peer", JmhResults.Figure::bytes, 1.0));
        }
        closureBytes("sdk").ifPresent(sdk -> closureBytes("peer").ifPresent(peer -> goals.add(new Report.Goal(
                "SDK footprint at or below the peer's", String.format(Locale.ROOT, "%s vs %s (%.2fx)%s", mib(sdk), mib(peer),
                        sdk / (double) peer, closureBytes("peer-as-generated").map(g -> String.format(Locale.ROOT,
                                "; vs the generated pom's own closure %s (%.2fx)", mib(g), sdk / (double) g)).orElse("")),
                sdk <= peer))));
        bulkRun("sdk-upsertAll-16").ifPresent(par -> {
            bulkRun("sdk-loop").ifPresent(loop -> {
                double speedUp = loop.medianSeconds() / par.medianSeconds();
                goals.add(new Report.Goal("Bulk at 16-way at least 12x faster than a sequential loop",
                        String.format(Locale.ROOT, "%.1fx (%.2f s vs %.2f s)", speedUp, par.medianSeconds(), loop.medianSeconds()),
                        speedUp >= 12));
            });
            double vsIdeal = par.medianSeconds() / par.idealSeconds();
            goals.add(new Report.Goal("Bulk at 16-way within 1.25x of the ideal bound",
                    String.format(Locale.ROOT, "%.2fx (%.2f s vs ideal %.2f s)", vsIdeal, par.medianSeconds(), par.idealSeconds()),
                    vsIdeal <= 1.25));
        });
        bulk.ifPresent(b -> bulkRun("sdk-upsertAll-default").ifPresent(def -> bulkRun("sdk-loop").ifPresent(loop -> {
            double speedUp = loop.medianSeconds() / def.medianSeconds();
            double vsIdeal = def.medianSeconds() / def.idealSeconds();
            goals.add(new Report.Goal("Default concurrency (" + b.defaultConcurrency() + ") chosen from the measurements",
                    String.format(Locale.ROOT, "%.1fx the loop, %.2fx its ideal; scales with concurrency up to the sweep's end "
                            + "(see Bulk); the choice is argued in the text", speedUp, vsIdeal),
                    vsIdeal <= 1.25 && speedUp >= 0.8 * b.defaultConcurrency()));
        })));
        coldMedian("sdk", ColdStartHarness.Sample::totalMillis).ifPresent(sdk ->
                coldMedian("floor", ColdStartHarness.Sample::totalMillis).ifPresent(floor -> goals.add(new Report.Goal(
                        "Cold start to first call within 1.3x of the floor",
                        String.format(Locale.ROOT, "%.2fx (median %.0f ms vs %.0f ms)", sdk / floor, sdk, floor),
                        sdk / floor <= 1.3))));
        return goals;
    }

    private Report.Goal worst(String goal, String client, String base, ToDoubleFunction<JmhResults.Figure> metric, double limit) {
        double worst = 0;
        String worstCall = "";
        StringBuilder all = new StringBuilder();
        for (String call : jmh.calls()) {
            Optional<Double> ratio = ratio(call, client, base, PURE, metric);
            if (ratio.isEmpty() || ratio.get().isNaN()) {
                continue;
            }
            all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2fx", call, ratio.get()));
            if (ratio.get() > worst) {
                worst = ratio.get();
                worstCall = call;
            }
        }
        return new Report.Goal(goal, String.format(Locale.ROOT, "worst %.2fx (%s): %s", worst, worstCall, all), worst <= limit);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576.0);
    }
}
