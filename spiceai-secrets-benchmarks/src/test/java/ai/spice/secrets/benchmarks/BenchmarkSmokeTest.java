package ai.spice.secrets.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.benchmarks.bulk.BulkHarness;
import ai.spice.secrets.benchmarks.coldstart.ColdStartHarness;
import ai.spice.secrets.benchmarks.footprint.Footprint;
import ai.spice.secrets.benchmarks.interleaved.InterleavedHarness;
import ai.spice.secrets.benchmarks.pacing.PacingHarness;
import ai.spice.secrets.benchmarks.report.Report;
import ai.spice.secrets.benchmarks.server.ServerKind;
import ai.spice.secrets.benchmarks.server.ServerProcess;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every part of the suite once, at toy sizes, so that none of it can rot: each {@code @Benchmark} method on
 * every client against both servers, one benchmark through JMH's generated harness, the interleaved (one JVM) rounds,
 * the bulk, pacing and cold-start harnesses, the footprint and the report. Measures nothing.
 */
class BenchmarkSmokeTest {

    private static final List<Method> BENCHMARKS = Arrays.stream(PerCallBenchmark.class.getMethods())
            .filter(method -> method.isAnnotationPresent(Benchmark.class)).toList();

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void everyBenchmarkMethodRunsOnEveryClient(ServerKind kind) throws Exception {
        assertThat(BENCHMARKS).extracting(Method::getName).contains("get", "list10", "list1000", "upsert");
        try (ServerProcess server = ServerProcess.start(kind)) {
            for (ClientKind client : ClientKind.values()) {
                PerCallBenchmark benchmark = new PerCallBenchmark();
                benchmark.client = client.name().toLowerCase(java.util.Locale.ROOT);
                benchmark.server = kind.name().toLowerCase(java.util.Locale.ROOT);
                benchmark.open(server.endpoint());
                try {
                    for (Method method : BENCHMARKS) {
                        assertThat(method.invoke(benchmark)).as(client + " " + method.getName()).isNotNull();
                    }
                } finally {
                    benchmark.stop();
                }
            }
        }
    }

    @Test
    void jmhRunsABenchmarkThroughItsGeneratedHarness(@TempDir Path dir) throws Exception {
        Path result = Report.jmhFile(dir, "canned");
        new Runner(new OptionsBuilder()
                .include(PerCallBenchmark.class.getName() + "\\.get$")
                .param("client", "floor")
                .param("server", "canned")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .timeUnit(TimeUnit.MICROSECONDS)
                .resultFormat(ResultFormatType.JSON)
                .result(result.toString())
                .build()).run();
        assertThat(Files.readString(result)).contains("PerCallBenchmark.get").contains("\"floor\"");
    }

    @Test
    void bulkColdStartFootprintAndReportRunAtToySizes(@TempDir Path dir) throws Exception {
        InterleavedHarness.Report interleaved;
        try (ServerProcess server = ServerProcess.start(ServerKind.CANNED)) {
            interleaved = InterleavedHarness.run(InterleavedHarness.Settings.smoke(), server.endpoint(), "smoke", line -> { });
        }
        // every call on each synchronous client; get only on the asynchronous ones
        long synchronous = InterleavedHarness.Settings.smoke().clients().stream()
                .filter(client -> !InterleavedHarness.ASYNC.contains(client)).count();
        assertThat(synchronous).isEqualTo(4); // sdk, floor, peer, floor_inline
        assertThat(interleaved.series()).hasSize((int) (InterleavedHarness.CALLS.size() * synchronous)
                + InterleavedHarness.ASYNC.size())
                .allSatisfy(series -> assertThat(series.micros()).hasSize(2).allSatisfy(micros -> assertThat(micros).isPositive()))
                .allSatisfy(series -> assertThat(series.bytes()).hasSize(2));
        Report.write(dir, interleaved, Report.interleavedFile(dir).getFileName().toString());

        BulkHarness.Report bulk = BulkHarness.run(BulkHarness.Settings.smoke(), line -> { });
        assertThat(bulk.runs()).extracting(BulkHarness.Run::scenario)
                .contains("sdk-upsertAll-default", "sdk-upsertAll-4", "sdk-paired-16", "sdk-jdk-executor-paired-16", "sdk-loop",
                        "peer-loop");
        Report.write(dir, bulk, "bulk.json");

        PacingHarness.Report pacing = PacingHarness.run(PacingHarness.Settings.smoke(), line -> { });
        assertThat(pacing.runs()).hasSize(4).allSatisfy(run -> assertThat(run.failed()).isZero())
                .allSatisfy(run -> assertThat(run.attempts()).isGreaterThanOrEqualTo(20));
        assertThat(pacing.scenarios()).hasSize(2);
        Report.write(dir, pacing, "pacing.json");

        ColdStartHarness.Report cold = ColdStartHarness.run(1, 0, line -> { });
        assertThat(cold.samples()).extracting(ColdStartHarness.Sample::client).containsExactly("sdk", "floor", "peer");
        assertThat(cold.samples()).allSatisfy(sample -> assertThat(sample.totalMillis()).isPositive());
        Report.write(dir, cold, "coldstart.json");

        Path classpaths = Files.createDirectories(dir.resolve("footprint"));
        String jackson = Path.of(com.fasterxml.jackson.databind.ObjectMapper.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()).toString();
        Files.writeString(classpaths.resolve("sdk.classpath"), jackson);
        Files.writeString(classpaths.resolve("peer.classpath"), jackson);
        Footprint.Report footprint = Footprint.compute(classpaths);
        assertThat(footprint.closures()).extracting(Footprint.Closure::client).containsExactly("sdk", "peer");
        assertThat(footprint.closures().get(1).totalBytes()).isGreaterThan(footprint.closures().get(0).totalBytes());
        Report.write(dir, footprint, "footprint.json");

        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("PERFORMANCE.md"), "# Performance\n\nMethod.\n\n"
                + "<!-- generated:begin (run-benchmarks.sh writes this part; do not edit) -->\nSTALE-FIGURES\n<!-- generated:end -->\n\nAfter.\n");
        String summary = Report.render(dir, docs);
        assertThat(summary).contains("### Goals", "interleaved rounds", "Asynchronous get", "### Bulk", "### Pacing", "Paced bulk", "### Cold start",
                "### Footprint");
        assertThat(Files.readString(docs.resolve("PERFORMANCE.md"))).contains("Method.", "### Bulk", "After.").doesNotContain("STALE-FIGURES");
        assertThat(Files.readString(docs.resolve("performance.svg"))).startsWith("<svg").contains("Bulk", "interleaved");
    }
}
