package ai.spice.secrets.benchmarks.report;

import ai.spice.secrets.benchmarks.bulk.BulkHarness;
import ai.spice.secrets.benchmarks.coldstart.ColdStartHarness;
import ai.spice.secrets.benchmarks.footprint.Footprint;
import ai.spice.secrets.benchmarks.pacing.PacingHarness;
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

    /** The diagnostic the SDK is also set against: the floor with the SDK's executor. */
    private static final String FLOOR_INLINE = "floor_inline";
    /** Diagnostic clients: shown in extra columns, never judged by a goal. */
    private static final List<String> DIAGNOSTICS = List.of(FLOOR_INLINE, "floor_async", "sdk_async");

    static String perCall(JmhResults jmh) {
        StringBuilder md = new StringBuilder();
        for (String server : jmh.servers()) {
            md.append("### Per call, ").append(server.equals("canned") ? "canned server (client cost)" : "emulator")
                    .append(": time\n\nMedian of the measurement iterations (of all its forks), µs per call; in brackets JMH's mean ± 99.9% error (the largest of its forks).\n\n");
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

    static String interleaved(InterleavedResults in) {
        var settings = in.run().settings();
        StringBuilder md = new StringBuilder();
        for (InterleavedResults.Metric metric : InterleavedResults.Metric.values()) {
            boolean time = metric == InterleavedResults.Metric.TIME;
            md.append("### Per call, one JVM, interleaved rounds (canned server): ").append(time ? "time" : "bytes allocated")
                    .append("\n\n");
            if (time) {
                md.append(String.format(Locale.ROOT, "Every client in one JVM, warmed together (%d s), then %d rounds: in each, "
                        + "for each call, the clients take turns call by call (the order turning every call), each call "
                        + "timed; a round gives each client its median call. Median over the rounds, µs, interquartile range in "
                        + "brackets. A ratio is that of the medians; in brackets, the quartiles of the same ratio taken round "
                        + "by round. The asynchronous diagnostics run `get` only.%n%n",
                        settings.warmUpSeconds(), settings.rounds()));
            } else {
                md.append("Each round also runs a batch of each call on each client, one client after another, and counts the "
                        + "bytes it allocates: ").append(in.run().allocationNote()).append(". Median over the rounds of bytes "
                        + "per call.\n\n");
            }
            List<String> extra = DIAGNOSTICS.stream().filter(in::has).toList();
            md.append("| Call | Floor | SDK | Peer | SDK / floor | Peer / floor | SDK / peer |");
            extra.forEach(client -> md.append(' ').append(name(client)).append(" | its / floor |")
                    .append(client.equals(FLOOR_INLINE) ? " SDK / it |" : ""));
            md.append("\n|---|---|---|---|---|---|---|").append("---|---|".repeat(extra.size()))
                    .append(extra.contains(FLOOR_INLINE) ? "---|" : "").append('\n');
            for (String call : in.calls()) {
                md.append("| ").append(call).append(" | ").append(cell(in, call, "floor", metric)).append(" | ")
                        .append(cell(in, call, "sdk", metric)).append(" | ").append(cell(in, call, "peer", metric)).append(" | ")
                        .append(paired(in, call, "sdk", "floor", metric)).append(" | ")
                        .append(paired(in, call, "peer", "floor", metric)).append(" | ")
                        .append(paired(in, call, "sdk", "peer", metric)).append(" |");
                for (String client : extra) {
                    md.append(' ').append(cell(in, call, client, metric)).append(" | ")
                            .append(paired(in, call, client, "floor", metric)).append(" |");
                    if (client.equals(FLOOR_INLINE)) {
                        md.append(' ').append(paired(in, call, "sdk", client, metric)).append(" |");
                    }
                }
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The SDK's asynchronous {@code get} beside the floor's {@code sendAsync}, in both modes. */
    static String asyncGet(JmhResults jmh, Optional<InterleavedResults> interleaved) {
        Optional<JmhResults.Figure> forkedAsync = jmh.find("get", "sdk_async", Figures.PURE);
        boolean inAsync = interleaved.map(in -> in.has("sdk_async")).orElse(false);
        if (forkedAsync.isEmpty() && !inAsync) {
            return "";
        }
        StringBuilder md = new StringBuilder("### Asynchronous get beside the floor's sendAsync (canned server)\n\n"
                + "`client.async().get(...).join()` against the floor's `HttpClient.sendAsync(...).get()`, and both against "
                + "the floor's `send`. µs per call (median), bytes per call.\n\n"
                + "| Mode | Floor (send) | Floor via sendAsync | SDK async | SDK async / floor via sendAsync | SDK async / floor "
                + "| Bytes: floor via sendAsync | Bytes: SDK async | SDK async / floor via sendAsync |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        forkedAsync.ifPresent(sdk -> {
            Optional<JmhResults.Figure> floorAsync = jmh.find("get", "floor_async", Figures.PURE);
            Optional<JmhResults.Figure> floor = jmh.find("get", "floor", Figures.PURE);
            md.append("| forked (JMH) | ").append(micros(floor)).append(" | ").append(micros(floorAsync)).append(" | ")
                    .append(micros(forkedAsync)).append(" | ").append(ratio(forkedAsync, floorAsync, JmhResults.Figure::micros))
                    .append(" | ").append(ratio(forkedAsync, floor, JmhResults.Figure::micros)).append(" | ")
                    .append(bytes(floorAsync)).append(" | ").append(bytes(forkedAsync)).append(" | ")
                    .append(ratio(forkedAsync, floorAsync, JmhResults.Figure::bytes)).append(" |\n");
        });
        interleaved.filter(in -> in.has("sdk_async")).ifPresent(in -> {
            InterleavedResults.Metric time = InterleavedResults.Metric.TIME;
            InterleavedResults.Metric bytes = InterleavedResults.Metric.BYTES;
            md.append("| interleaved | ").append(cell(in, "get", "floor", time)).append(" | ")
                    .append(cell(in, "get", "floor_async", time)).append(" | ").append(cell(in, "get", "sdk_async", time))
                    .append(" | ").append(paired(in, "get", "sdk_async", "floor_async", time)).append(" | ")
                    .append(paired(in, "get", "sdk_async", "floor", time)).append(" | ")
                    .append(cell(in, "get", "floor_async", bytes)).append(" | ").append(cell(in, "get", "sdk_async", bytes))
                    .append(" | ").append(paired(in, "get", "sdk_async", "floor_async", bytes)).append(" |\n");
        });
        return md.append('\n').toString();
    }

    private static String cell(InterleavedResults in, String call, String client, InterleavedResults.Metric metric) {
        return in.spread(call, client, metric).map(s -> metric == InterleavedResults.Metric.TIME
                ? String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", s.median(), s.low(), s.high())
                : String.format(Locale.ROOT, "%,.0f", s.median())).orElse("-");
    }

    private static String paired(InterleavedResults in, String call, String client, String base,
                                 InterleavedResults.Metric metric) {
        Optional<Double> ratio = in.ratio(call, client, base, metric);
        Optional<InterleavedResults.Spread> rounds = in.pairedRatio(call, client, base, metric);
        if (ratio.isEmpty() || ratio.get().isNaN()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", ratio.get()) + rounds.filter(r -> !Double.isNaN(r.median()))
                .map(r -> String.format(Locale.ROOT, " (%.2f-%.2f)", r.low(), r.high())).orElse("");
    }

    private static String micros(Optional<JmhResults.Figure> figure) {
        return figure.map(f -> String.format(Locale.ROOT, "%.1f", f.micros())).orElse("-");
    }

    static String beforeAfter(JmhResults before, JmhResults after, Optional<InterleavedResults> beforeIn,
                              Optional<InterleavedResults> afterIn, String when) {
        StringBuilder md = new StringBuilder("### SDK per call, before and after the changes to the SDK\n\nBefore: the run of ")
                .append(when).append(", same machine, same settings; after: this run. Canned server. The machine's speed "
                        + "drifts between runs, so the ratios to the floor of the same run are the figures to compare.\n\n")
                .append("| Mode | Call | µs before | µs after | SDK / floor before | SDK / floor after | Bytes before "
                        + "| Bytes after | Bytes after / before | SDK / floor bytes before | after |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String call : after.calls()) {
            Optional<JmhResults.Figure> was = before.find(call, "sdk", Figures.PURE);
            Optional<JmhResults.Figure> now = after.find(call, "sdk", Figures.PURE);
            if (was.isEmpty() || now.isEmpty()) {
                continue;
            }
            Optional<JmhResults.Figure> floorWas = before.find(call, "floor", Figures.PURE);
            Optional<JmhResults.Figure> floorNow = after.find(call, "floor", Figures.PURE);
            md.append("| forked | ").append(call).append(" | ").append(micros(was)).append(" | ").append(micros(now))
                    .append(" | ").append(ratio(was, floorWas, JmhResults.Figure::micros)).append(" | ")
                    .append(ratio(now, floorNow, JmhResults.Figure::micros)).append(" | ").append(bytes(was)).append(" | ")
                    .append(bytes(now)).append(" | ").append(ratio(now, was, JmhResults.Figure::bytes)).append(" | ")
                    .append(ratio(was, floorWas, JmhResults.Figure::bytes)).append(" | ")
                    .append(ratio(now, floorNow, JmhResults.Figure::bytes)).append(" |\n");
        }
        beforeIn.ifPresent(was -> afterIn.ifPresent(now -> {
            InterleavedResults.Metric time = InterleavedResults.Metric.TIME;
            InterleavedResults.Metric bytes = InterleavedResults.Metric.BYTES;
            for (String call : now.calls()) {
                if (was.spread(call, "sdk", time).isEmpty()) {
                    continue;
                }
                md.append("| interleaved | ").append(call).append(" | ").append(median(was, call, time, "%.1f")).append(" | ")
                        .append(median(now, call, time, "%.1f")).append(" | ").append(paired(was, call, "sdk", "floor", time))
                        .append(" | ").append(paired(now, call, "sdk", "floor", time)).append(" | ")
                        .append(median(was, call, bytes, "%,.0f")).append(" | ").append(median(now, call, bytes, "%,.0f"))
                        .append(" | ").append(String.format(Locale.ROOT, "%.2fx", now.spread(call, "sdk", bytes).get().median()
                                / was.spread(call, "sdk", bytes).get().median())).append(" | ")
                        .append(paired(was, call, "sdk", "floor", bytes)).append(" | ")
                        .append(paired(now, call, "sdk", "floor", bytes)).append(" |\n");
            }
        }));
        return md.append('\n').toString();
    }

    private static String median(InterleavedResults in, String call, InterleavedResults.Metric metric, String format) {
        return in.spread(call, "sdk", metric).map(s -> String.format(Locale.ROOT, format, s.median())).orElse("-");
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

    static String pacing(PacingHarness.Report pacing) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "### Pacing: upsertAll against a rate limit%n%n"
                + "Bulk upserts into the emulator, whose limit is per project and second, with pacing on (the default) and"
                + " off, alternating. Wall time is the median of the runs; ideal = requests / limit, or requests x latency /"
                + " concurrency without a limit. Refused: the share of all requests sent (retries included) answered 429.%n%n"
                + "| Scenario | Paced | Wall (s) | Runs (s) | Ideal (s) | Wall / ideal | Refused | Failed |%n"
                + "|---|---|---|---|---|---|---|---|%n"));
        for (String scenario : pacing.scenarios()) {
            for (boolean paced : new boolean[] {true, false}) {
                List<PacingHarness.Run> runs = pacing.of(scenario, paced);
                if (runs.isEmpty()) {
                    continue;
                }
                double wall = PacingHarness.medianSeconds(runs);
                md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s | %.1f | %.2fx | %.1f%% | %d |%n", scenario,
                        paced ? "yes" : "no", wall,
                        runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.seconds())).collect(Collectors.joining(", ")),
                        runs.get(0).idealSeconds(), wall / runs.get(0).idealSeconds(), 100 * PacingHarness.refusedShare(runs),
                        runs.stream().mapToInt(PacingHarness.Run::failed).sum()));
            }
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
            case "sdk_async" -> "SDK async";
            case "floor_inline" -> "Floor on the SDK's executor";
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
