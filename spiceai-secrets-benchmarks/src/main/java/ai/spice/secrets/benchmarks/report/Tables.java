package ai.spice.secrets.benchmarks.report;

import ai.spice.secrets.benchmarks.bulk.BulkHarness;
import ai.spice.secrets.benchmarks.coldstart.ColdStartHarness;
import ai.spice.secrets.benchmarks.footprint.Footprint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The markdown tables of the summary. */
final class Tables {

    private Tables() {
    }

    static String machine(Machine m) {
        return String.format(Locale.ROOT, "Run of %s on %d cores (%s), %d MiB, %s; %s (%s). Settings: %s.%n%n",
                m.runAt(), m.cores(), m.cpu(), m.memoryMiB(), m.os(), m.jdk(), m.jvm(), m.settings());
    }

    static String goals(List<Report.Goal> goals) {
        StringBuilder md = new StringBuilder("### Goals\n\n| Goal | Measured | Met |\n|---|---|---|\n");
        goals.forEach(g -> md.append("| ").append(g.goal()).append(" | ").append(g.measured()).append(" | ")
                .append(g.met() ? "yes" : "**no**").append(" |\n"));
        return md.append('\n').toString();
    }

    /** Diagnostic clients: shown in extra columns, never judged by a goal. */
    private static final List<String> DIAGNOSTICS = List.of("floor_async", "sdk_send");

    static String perCall(JmhResults jmh) {
        StringBuilder md = new StringBuilder();
        for (String server : jmh.servers()) {
            md.append("### Per call, ").append(server.equals("canned") ? "canned server (client cost)" : "emulator")
                    .append(": time\n\nMedian of the measurement iterations, µs per call (JMH mean ± 99.9% error in brackets).\n\n");
            md.append(table(jmh, server, JmhResults.Figure::micros, Tables::time));
            md.append("\n### Per call, ").append(server.equals("canned") ? "canned server" : "emulator")
                    .append(": bytes allocated\n\n`-prof gc` (`gc.alloc.rate.norm`), bytes per call in the client's JVM"
                            + " (the server runs in another process).\n\n");
            md.append(table(jmh, server, JmhResults.Figure::bytes, Tables::bytes)).append('\n');
        }
        return md.toString();
    }

    private static String table(JmhResults jmh, String server, Function<JmhResults.Figure, Double> metric,
                                Function<Optional<JmhResults.Figure>, String> cell) {
        List<String> extra = DIAGNOSTICS.stream()
                .filter(client -> jmh.calls().stream().anyMatch(c -> jmh.find(c, client, server).isPresent())).toList();
        StringBuilder md = new StringBuilder("| Call | Floor | SDK | Peer | SDK / floor | Peer / floor | SDK / peer |");
        extra.forEach(client -> md.append(' ').append(name(client)).append(" | its / floor |"));
        md.append("\n|---|---|---|---|---|---|---|").append("---|---|".repeat(extra.size())).append('\n');
        for (String call : jmh.calls()) {
            Optional<JmhResults.Figure> floor = jmh.find(call, "floor", server);
            Optional<JmhResults.Figure> sdk = jmh.find(call, "sdk", server);
            Optional<JmhResults.Figure> peer = jmh.find(call, "peer", server);
            md.append("| ").append(call).append(" | ").append(cell.apply(floor)).append(" | ").append(cell.apply(sdk))
                    .append(" | ").append(cell.apply(peer)).append(" | ").append(ratio(sdk, floor, metric)).append(" | ")
                    .append(ratio(peer, floor, metric)).append(" | ").append(ratio(sdk, peer, metric)).append(" |");
            for (String client : extra) {
                Optional<JmhResults.Figure> figure = jmh.find(call, client, server);
                md.append(' ').append(cell.apply(figure)).append(" | ").append(ratio(figure, floor, metric)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    static String beforeAfter(JmhResults before, JmhResults after, String when) {
        StringBuilder md = new StringBuilder("### SDK per call, before and after the change to the SDK\n\nBefore: the run of ")
                .append(when).append(", same machine, same settings; after: this run. Canned server.\n\n")
                .append("| Call | µs before | µs after | Bytes before | Bytes after | Bytes after / before |\n|---|---|---|---|---|---|\n");
        for (String call : after.calls()) {
            Optional<JmhResults.Figure> was = before.find(call, "sdk", "canned");
            Optional<JmhResults.Figure> now = after.find(call, "sdk", "canned");
            md.append("| ").append(call).append(" | ").append(was.map(f -> String.format(Locale.ROOT, "%.1f", f.micros())).orElse("-"))
                    .append(" | ").append(now.map(f -> String.format(Locale.ROOT, "%.1f", f.micros())).orElse("-"))
                    .append(" | ").append(bytes(was)).append(" | ").append(bytes(now)).append(" | ")
                    .append(ratio(now, was, JmhResults.Figure::bytes)).append(" |\n");
        }
        return md.append('\n').toString();
    }

    static String bulk(BulkHarness.Report bulk) {
        double loop = bulk.runs().stream().filter(r -> r.scenario().equals("sdk-loop")).findFirst()
                .map(BulkHarness.Run::medianSeconds).orElse(Double.NaN);
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "### Bulk: %,d upserts, %d ms added per request%n%n"
                + "Wall time (median of the runs; each run writes into an empty app). Ideal = requests x latency / concurrency.%n%n"
                + "| Scenario | Concurrency | Wall (s) | Runs (s) | Ideal (s) | Wall / ideal | Speed-up vs SDK loop |%n"
                + "|---|---|---|---|---|---|---|%n", bulk.requests(), bulk.latencyMillis()));
        for (BulkHarness.Run run : bulk.runs()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %s | %.3f | %.2fx | %.1fx |%n", run.description(),
                    run.concurrency(), run.medianSeconds(),
                    run.seconds().stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).collect(Collectors.joining(", ")),
                    run.idealSeconds(), run.medianSeconds() / run.idealSeconds(), loop / run.medianSeconds()));
        }
        return md.append('\n').toString();
    }

    static String coldStart(ColdStartHarness.Report cold) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "### Cold start: new JVM to first completed list()%n%n"
                + "%d runs per client, interleaved; ms from just before the process start to the first call's return."
                + " `in main` leaves out the JVM's own start.%n%n"
                + "| Client | Median | IQR | Min-max | Median in main | Median / floor |%n|---|---|---|---|---|---|%n", cold.runs()));
        double floor = median(cold, "floor", ColdStartHarness.Sample::totalMillis);
        for (String client : List.of("sdk", "floor", "peer")) {
            List<Double> totals = values(cold, client, ColdStartHarness.Sample::totalMillis);
            if (totals.isEmpty()) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f-%.0f | %.0f-%.0f | %.0f | %.2fx |%n", name(client),
                    JmhResults.median(totals), quantile(totals, 0.25), quantile(totals, 0.75), totals.get(0),
                    totals.get(totals.size() - 1), median(cold, client, ColdStartHarness.Sample::inMainMillis),
                    JmhResults.median(totals) / floor));
        }
        return md.append('\n').toString();
    }

    static String footprint(Footprint.Report footprint, Optional<ColdStartHarness.Report> cold) {
        StringBuilder md = new StringBuilder("### Footprint\n\n| Client | Runtime closure | Bytes | Jars |\n|---|---|---|---|\n");
        for (Footprint.Closure closure : footprint.closures()) {
            md.append("| ").append(name(closure.client())).append(" | ").append(closure.definition()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d (%s)", closure.totalBytes(), Figures.mib(closure.totalBytes())))
                    .append(" | ").append(closure.jars().stream().map(j -> String.format(Locale.ROOT, "%s %,d", j.name(), j.bytes()))
                            .collect(Collectors.joining("; "))).append(" |\n");
        }
        cold.ifPresent(c -> {
            md.append("\nThreads a client adds: live threads after building it and making ")
                    .append("21 calls, minus those at `main` (median over the cold-start runs). `Started` counts every thread ")
                    .append("the process ever started, the JVM's own and short-lived ones included.\n\n")
                    .append("| Client | Before | After build | After 1st call | After 21 calls | Added | Started | Which |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (String client : List.of("sdk", "floor", "peer")) {
                List<ColdStartHarness.Sample> samples = c.samples().stream().filter(s -> s.client().equals(client)).toList();
                if (samples.isEmpty()) {
                    continue;
                }
                Map<String, Long> names = samples.stream().collect(Collectors.groupingBy(ColdStartHarness.Sample::addedNames,
                        Collectors.counting()));
                String common = names.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %s |%n", name(client),
                        median(c, client, s -> s.threadsBefore()), median(c, client, s -> s.threadsBuilt()),
                        median(c, client, s -> s.threadsFirstCall()), median(c, client, s -> s.threadsAfter()),
                        median(c, client, s -> s.threadsAdded()), median(c, client, s -> s.threadsStarted()),
                        common.isEmpty() ? "none" : common.replace(",", ", ")));
            }
        });
        return md.append('\n').toString();
    }

    static String name(String client) {
        return switch (client) {
            case "sdk" -> "SDK";
            case "floor" -> "Floor";
            case "peer" -> "Peer (generated)";
            case "peer-as-generated" -> "Peer, as its pom.xml declares";
            case "floor_async" -> "Floor via sendAsync";
            case "sdk_send" -> "SDK, send() prototype";
            default -> client;
        };
    }

    private static List<Double> values(ColdStartHarness.Report cold, String client,
                                       java.util.function.ToDoubleFunction<ColdStartHarness.Sample> metric) {
        return cold.samples().stream().filter(s -> s.client().equals(client)).map(s -> metric.applyAsDouble(s)).sorted().toList();
    }

    static double median(ColdStartHarness.Report cold, String client,
                         java.util.function.ToDoubleFunction<ColdStartHarness.Sample> metric) {
        return JmhResults.median(values(cold, client, metric));
    }

    static double quantile(List<Double> sorted, double q) {
        double position = q * (sorted.size() - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (position - low);
    }

    private static String time(Optional<JmhResults.Figure> figure) {
        return figure.map(f -> String.format(Locale.ROOT, "%.1f (%.1f ± %.1f)", f.micros(), f.meanMicros(), f.errorMicros()))
                .orElse("-");
    }

    private static String bytes(Optional<JmhResults.Figure> figure) {
        return figure.filter(f -> !Double.isNaN(f.bytes())).map(f -> String.format(Locale.ROOT, "%,.0f", f.bytes())).orElse("-");
    }

    private static String ratio(Optional<JmhResults.Figure> a, Optional<JmhResults.Figure> b,
                                Function<JmhResults.Figure, Double> metric) {
        if (a.isEmpty() || b.isEmpty()) {
            return "-";
        }
        double ratio = metric.apply(a.get()) / metric.apply(b.get());
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
