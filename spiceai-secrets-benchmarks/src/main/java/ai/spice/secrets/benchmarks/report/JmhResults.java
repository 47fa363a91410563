package ai.spice.secrets.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The figures of a JMH JSON result file, one {@link Figure} per (call, client, server). */
final class JmhResults {

    /**
     * One benchmark's figures.
     *
     * @param call        the benchmark method: get, list10, list1000, upsert
     * @param micros      the median of the measurement iterations, µs per call (robust to one disturbed iteration)
     * @param meanMicros  JMH's score: the mean of the iterations (of the passes' means, where there are several)
     * @param errorMicros JMH's 99.9% confidence half-width
     * @param bytes       bytes allocated per call ({@code gc.alloc.rate.norm}), NaN without {@code -prof gc}
     */
    record Figure(String call, String client, String server, double micros, double meanMicros, double errorMicros,
                  double bytes, double bytesError, int iterations) {
    }

    private final List<Figure> figures;

    private JmhResults(List<Figure> figures) {
        this.figures = figures;
    }

    /**
     * Reads the files; a (call, client, server) found in several (the canned server's two passes, in opposite client
     * orders) becomes one figure: the median of all their iterations, the mean of their means and bytes, the largest
     * of their errors.
     */
    static JmhResults read(ObjectMapper mapper, List<Path> files) {
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                for (JsonNode node : mapper.readTree(file.toFile())) {
                    Run run = run(node);
                    runs.computeIfAbsent(run.call() + " " + run.client() + " " + run.server(), key -> new ArrayList<>())
                            .add(run);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new JmhResults(runs.values().stream().map(JmhResults::pooled).toList());
    }

    /** One benchmark of one JMH result file. */
    private record Run(String call, String client, String server, List<Double> iterations, double mean, double error,
                       double bytes, double bytesError) {
    }

    private static Figure pooled(List<Run> runs) {
        Run first = runs.get(0);
        List<Double> iterations = runs.stream().flatMap(run -> run.iterations().stream()).toList();
        return new Figure(first.call(), first.client(), first.server(), median(iterations),
                runs.stream().mapToDouble(Run::mean).average().orElse(Double.NaN),
                runs.stream().mapToDouble(Run::error).max().orElse(Double.NaN),
                runs.stream().mapToDouble(Run::bytes).average().orElse(Double.NaN),
                runs.stream().mapToDouble(Run::bytesError).max().orElse(Double.NaN), iterations.size());
    }

    private static Run run(JsonNode run) {
        String benchmark = run.path("benchmark").asText();
        String call = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        JsonNode primary = run.path("primaryMetric");
        List<Double> iterations = new ArrayList<>();
        for (JsonNode fork : primary.path("rawData")) {
            for (JsonNode value : fork) {
                iterations.add(value.asDouble());
            }
        }
        double bytes = Double.NaN;
        double bytesError = Double.NaN;
        JsonNode secondary = run.path("secondaryMetrics");
        for (Iterator<String> names = secondary.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.endsWith("gc.alloc.rate.norm")) {
                bytes = secondary.path(name).path("score").asDouble();
                bytesError = secondary.path(name).path("scoreError").asDouble(Double.NaN);
            }
        }
        return new Run(call, run.path("params").path("client").asText(), run.path("params").path("server").asText(),
                iterations, primary.path("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN), bytes,
                bytesError);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    boolean isEmpty() {
        return figures.isEmpty();
    }

    Optional<Figure> find(String call, String client, String server) {
        return figures.stream()
                .filter(f -> f.call().equals(call) && f.client().equals(client) && f.server().equals(server))
                .findFirst();
    }

    List<String> servers() {
        return figures.stream().map(Figure::server).distinct().toList();
    }

    List<String> calls() {
        List<String> order = List.of("get", "list10", "list1000", "upsert");
        return figures.stream().map(Figure::call).distinct()
                .sorted((a, b) -> Integer.compare(rank(order, a), rank(order, b))).toList();
    }

    private static int rank(List<String> order, String call) {
        int i = order.indexOf(call);
        return i < 0 ? order.size() : i;
    }
}
