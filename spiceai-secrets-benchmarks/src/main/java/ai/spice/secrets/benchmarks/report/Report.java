package ai.spice.secrets.benchmarks.report;

import ai.spice.secrets.benchmarks.bulk.BulkHarness;
import ai.spice.secrets.benchmarks.coldstart.ColdStartHarness;
import ai.spice.secrets.benchmarks.footprint.Footprint;
import ai.spice.secrets.benchmarks.pacing.PacingHarness;
import ai.spice.secrets.benchmarks.interleaved.InterleavedHarness;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the result files of a run ({@code jmh-*.json}, {@code interleaved.json}, {@code bulk.json},
 * {@code pacing.json}, {@code coldstart.json}, {@code footprint.json}, {@code machine.json}) into {@code summary.md} and {@code performance.svg}; with a docs
 * directory, also writes {@code performance.svg} there and replaces the generated part of {@code PERFORMANCE.md}.
 * Reads files only, so a chart can be redrawn without running anything.
 */
public final class Report {

    static final String BEGIN = "<!-- generated:begin (run-benchmarks.sh writes this part; do not edit) -->";
    static final String END = "<!-- generated:end -->";

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Report() {
    }

    /** The files a run writes, in {@code dir}. */
    public static Path jmhFile(Path dir, String server) {
        return dir.resolve("jmh-" + server + ".json");
    }

    /** The name of the canned server's pass {@code pass} (from 0): {@code canned}, {@code canned-pass2}, ... */
    public static String cannedPass(int pass) {
        return pass == 0 ? "canned" : "canned-pass" + (pass + 1);
    }

    /** Every canned pass found in {@code dir} (their figures are pooled), then the named others. */
    private static List<Path> jmhFiles(Path dir, String... others) {
        List<Path> files = new ArrayList<>();
        for (int pass = 0; Files.isRegularFile(jmhFile(dir, cannedPass(pass))); pass++) {
            files.add(jmhFile(dir, cannedPass(pass)));
        }
        for (String other : others) {
            files.add(jmhFile(dir, other));
        }
        return files;
    }

    /** The file the interleaved (one JVM) per-call run writes, in {@code dir}. */
    public static Path interleavedFile(Path dir) {
        return dir.resolve("interleaved.json");
    }

    public static void write(Path dir, Object value, String name) {
        try {
            Files.createDirectories(dir);
            MAPPER.writeValue(dir.resolve(name).toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
    }

    /**
     * Renders everything found in {@code dir}.
     *
     * @param docs where {@code PERFORMANCE.md} and {@code performance.svg} live, or null
     * @return the summary's markdown
     */
    public static String render(Path dir, Path docs) {
        return render(dir, docs, null);
    }

    /**
     * Renders everything found in {@code dir}, with a before/after table of the SDK's per-call figures when a
     * {@code baseline} directory (an earlier run's files) is given.
     */
    public static String render(Path dir, Path docs, Path baseline) {
        JmhResults jmh = JmhResults.read(MAPPER, jmhFiles(dir, "canned-async", "emulator"));
        Optional<InterleavedResults> interleaved = read(dir, interleavedFile(dir).getFileName().toString(),
                InterleavedHarness.Report.class).map(InterleavedResults::new);
        Optional<BulkHarness.Report> bulk = read(dir, "bulk.json", BulkHarness.Report.class);
        Optional<ColdStartHarness.Report> cold = read(dir, "coldstart.json", ColdStartHarness.Report.class);
        Optional<Footprint.Report> footprint = read(dir, "footprint.json", Footprint.Report.class);
        Optional<PacingHarness.Report> pacing = read(dir, "pacing.json", PacingHarness.Report.class);
        Optional<Machine> machine = read(dir, "machine.json", Machine.class);

        Figures figures = new Figures(jmh, interleaved, bulk, cold, footprint, pacing);
        StringBuilder md = new StringBuilder();
        machine.ifPresent(m -> md.append(Tables.machine(m)));
        md.append(Tables.goals(figures.goals()));
        md.append(Tables.perCall(jmh));
        interleaved.ifPresent(in -> md.append(Tables.interleaved(in)));
        md.append(Tables.asyncGet(jmh, interleaved));
        if (baseline != null) {
            JmhResults before = JmhResults.read(MAPPER, jmhFiles(baseline, "canned-async"));
            Optional<InterleavedResults> interleavedBefore = read(baseline, interleavedFile(baseline).getFileName().toString(),
                    InterleavedHarness.Report.class).map(InterleavedResults::new);
            String when = read(baseline, "machine.json", Machine.class).map(Machine::runAt).orElse("an earlier run");
            md.append(Tables.beforeAfter(before, jmh, interleavedBefore, interleaved, when));
        }
        bulk.ifPresent(b -> md.append(Tables.bulk(b)));
        pacing.ifPresent(p -> md.append(Tables.pacing(p)));
        cold.ifPresent(c -> md.append(Tables.coldStart(c)));
        footprint.ifPresent(f -> md.append(Tables.footprint(f, cold)));
        String svg = Charts.render(figures, machine);
        try {
            Files.writeString(dir.resolve("summary.md"), "# Benchmark summary\n\n" + md, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("performance.svg"), svg, StandardCharsets.UTF_8);
            if (docs != null) {
                Files.createDirectories(docs);
                Files.writeString(docs.resolve("performance.svg"), svg, StandardCharsets.UTF_8);
                Path doc = docs.resolve("PERFORMANCE.md");
                if (Files.isRegularFile(doc)) {
                    Files.writeString(doc, splice(Files.readString(doc), md.toString()), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary", e);
        }
        return md.toString();
    }

    /** Replaces what lies between the markers; a document without them gets the block appended. */
    static String splice(String doc, String generated) {
        String block = BEGIN + "\n\n" + generated.strip() + "\n\n" + END;
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (begin < 0 || end < begin) {
            return doc.stripTrailing() + "\n\n" + block + "\n";
        }
        return doc.substring(0, begin) + block + doc.substring(end + END.length());
    }

    private static <T> Optional<T> read(Path dir, String name, Class<T> type) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One goal of the issue and where the run put it. */
    record Goal(String goal, String measured, boolean met) {
    }

    static List<Goal> none() {
        return new ArrayList<>();
    }
}
