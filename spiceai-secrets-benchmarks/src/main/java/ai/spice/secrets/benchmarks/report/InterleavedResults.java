package ai.spice.secrets.benchmarks.report;

import ai.spice.secrets.benchmarks.interleaved.InterleavedHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The figures of {@code interleaved.json}: medians over the rounds, and ratios of two clients paired round by round. */
final class InterleavedResults {

    /** A median and its interquartile range. */
    record Spread(double median, double low, double high) {

        static Spread of(List<Double> values) {
            List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
            if (sorted.isEmpty()) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN);
            }
            return new Spread(JmhResults.median(sorted), Tables.quantile(sorted, 0.25), Tables.quantile(sorted, 0.75));
        }
    }

    private final InterleavedHarness.Report run;

    InterleavedResults(InterleavedHarness.Report run) {
        this.run = run;
    }

    InterleavedHarness.Report run() {
        return run;
    }

    List<String> calls() {
        return run.series().stream().map(InterleavedHarness.Series::call).distinct().toList();
    }

    boolean has(String client) {
        return run.series().stream().anyMatch(s -> s.client().equals(client));
    }

    Optional<Spread> spread(String call, String client, Metric metric) {
        return series(call, client).map(s -> Spread.of(metric.values(s)));
    }

    /** The ratio of the two clients' medians, as the forked tables give it. */
    Optional<Double> ratio(String call, String client, String base, Metric metric) {
        return spread(call, client, metric).flatMap(a -> spread(call, base, metric).map(b -> a.median() / b.median()));
    }

    /** The ratio taken in each round (the two batches ran seconds apart at most), then its median and quartiles. */
    Optional<Spread> pairedRatio(String call, String client, String base, Metric metric) {
        return series(call, client).flatMap(a -> series(call, base).map(b -> {
            List<Double> x = metric.values(a);
            List<Double> y = metric.values(b);
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                ratios.add(x.get(i) / y.get(i));
            }
            return Spread.of(ratios);
        }));
    }

    private Optional<InterleavedHarness.Series> series(String call, String client) {
        return run.series().stream().filter(s -> s.call().equals(call) && s.client().equals(client)).findFirst();
    }

    /** What a table shows. */
    enum Metric {
        TIME, BYTES;

        List<Double> values(InterleavedHarness.Series series) {
            return this == TIME ? series.micros() : series.bytes();
        }
    }
}
