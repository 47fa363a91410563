package ai.spice.secrets.benchmarks.report;

import ai.spice.secrets.benchmarks.bulk.BulkHarness;
import ai.spice.secrets.benchmarks.coldstart.ColdStartHarness;
import ai.spice.secrets.benchmarks.footprint.Footprint;
import ai.spice.secrets.benchmarks.pacing.PacingHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The ratios the goals are judged on, computed once from a run's results. */
record Figures(JmhResults jmh, Optional<InterleavedResults> interleaved, Optional<BulkHarness.Report> bulk,
               Optional<ColdStartHarness.Report> cold, Optional<Footprint.Report> footprint,
               Optional<PacingHarness.Report> pacing) {

    static final String PURE = "canned";

    /** The small synchronous calls the time goals are about; a list of 1,000 is shown, not judged on time. */
    static final List<String> SMALL = List.of("get", "list10", "upsert");
    static final double TIME_GOAL = 1.05;
    static final double BYTES_GOAL = 1.15;
    /** Paced bulk runs against a limit: at most this share of requests refused, and this much over the ideal time. */
    static final double PACED_REFUSED_GOAL = 0.05;
    static final double PACED_TIME_GOAL = 1.15;
    /** Without a limit, pacing costs at most this much time. */
    static final double UNLIMITED_PACED_GOAL = 1.05;

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
        String time = String.format(Locale.ROOT, "SDK time per small sync call (get, list10, upsert) within %.2fx of the floor",
                TIME_GOAL);
        String bytes = String.format(Locale.ROOT, "SDK bytes allocated per call within %.2fx of the floor", BYTES_GOAL);
        if (!jmh.isEmpty()) {
            goals.add(worst(time + ", forked", SMALL, call -> ratio(call, "sdk", "floor", PURE, JmhResults.Figure::micros), TIME_GOAL));
            goals.add(worst("SDK at or below the peer on time per small sync call, forked", SMALL,
                    call -> ratio(call, "sdk", "peer", PURE, JmhResults.Figure::micros), 1.0));
            goals.add(worst(bytes + ", forked", jmh.calls(), call -> ratio(call, "sdk", "floor", PURE, JmhResults.Figure::bytes),
                    BYTES_GOAL));
            goals.add(worst("SDK at or below the peer on bytes per call, forked", jmh.calls(),
                    call -> ratio(call, "sdk", "peer", PURE, JmhResults.Figure::bytes), 1.0));
        }
        interleaved.ifPresent(in -> {
            goals.add(worst(time + ", interleaved", SMALL, call -> in.ratio(call, "sdk", "floor", InterleavedResults.Metric.TIME),
                    TIME_GOAL));
            goals.add(worst("SDK at or below the peer on time per small sync call, interleaved", SMALL,
                    call -> in.ratio(call, "sdk", "peer", InterleavedResults.Metric.TIME), 1.0));
            goals.add(worst(bytes + ", interleaved", in.calls(),
                    call -> in.ratio(call, "sdk", "floor", InterleavedResults.Metric.BYTES), BYTES_GOAL));
            goals.add(worst("SDK at or below the peer on bytes per call, interleaved", in.calls(),
                    call -> in.ratio(call, "sdk", "peer", InterleavedResults.Metric.BYTES), 1.0));
        });
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
        pacing.ifPresent(p -> goals.addAll(pacingGoals(p)));
        return goals;
    }

    private static List<Report.Goal> pacingGoals(PacingHarness.Report pacing) {
        List<Report.Goal> goals = new ArrayList<>();
        for (String scenario : pacing.scenarios()) {
            List<PacingHarness.Run> paced = pacing.of(scenario, true);
            List<PacingHarness.Run> unpaced = pacing.of(scenario, false);
            if (paced.isEmpty()) {
                continue;
            }
            double wall = PacingHarness.medianSeconds(paced);
            if (paced.get(0).ratePerSecond() > 0) {
                double refused = PacingHarness.refusedShare(paced);
                double vsIdeal = wall / paced.get(0).idealSeconds();
                goals.add(new Report.Goal(String.format(Locale.ROOT, "Paced bulk, %s: at most %.0f%% refused and %.2fx the"
                                + " ideal time", scenario, 100 * PACED_REFUSED_GOAL, PACED_TIME_GOAL),
                        String.format(Locale.ROOT, "%.1f%% refused, %.2fx (%.2f s vs ideal %.1f s); unpaced %.1f%%", 100 * refused,
                                vsIdeal, wall, paced.get(0).idealSeconds(), 100 * PacingHarness.refusedShare(unpaced)),
                        refused <= PACED_REFUSED_GOAL && vsIdeal <= PACED_TIME_GOAL));
            } else if (!unpaced.isEmpty()) {
                double vsUnpaced = wall / PacingHarness.medianSeconds(unpaced);
                goals.add(new Report.Goal(String.format(Locale.ROOT, "Paced bulk, %s: within %.2fx of unpaced", scenario,
                                UNLIMITED_PACED_GOAL),
                        String.format(Locale.ROOT, "%.2fx (%.2f s vs %.2f s)", vsUnpaced, wall, PacingHarness.medianSeconds(unpaced)),
                        vsUnpaced <= UNLIMITED_PACED_GOAL));
            }
        }
        return goals;
    }

    private static Report.Goal worst(String goal, List<String> calls, Function<String, Optional<Double>> ratioOf, double limit) {
        double worst = 0;
        String worstCall = "";
        StringBuilder all = new StringBuilder();
        for (String call : calls) {
            Optional<Double> ratio = ratioOf.apply(call);
            if (ratio.isEmpty() || ratio.get().isNaN()) {
                continue;
            }
            all.append(all.length() == 0 ? "" : ", ").append(call).append(' ').append(times(ratio.get(), limit));
            if (ratio.get() > worst) {
                worst = ratio.get();
                worstCall = call;
            }
        }
        return new Report.Goal(goal, "worst " + times(worst, limit) + " (" + worstCall + "): " + all, worst <= limit);
    }

    /** A ratio to two places, or three where two would round a miss onto the limit. */
    static String times(double ratio, double limit) {
        String two = String.format(Locale.ROOT, "%.2fx", ratio);
        return ratio > limit && two.equals(String.format(Locale.ROOT, "%.2fx", limit))
                ? String.format(Locale.ROOT, "%.3fx", ratio) : two;
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576.0);
    }
}
