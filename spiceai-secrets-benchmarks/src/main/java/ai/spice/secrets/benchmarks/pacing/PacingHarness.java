package ai.spice.secrets.benchmarks.pacing;

import ai.spice.secrets.AttemptCompleted;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.SecretsListener;
import ai.spice.secrets.bulk.BulkOptions;
import ai.spice.secrets.bulk.BulkResult;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Bulk upserts against an emulator that limits requests per project, with and without the client's pacing: the share
 * of requests the service refused (429) and the wall time against the ideal (requests / rate). A timed harness, not
 * JMH: one run lasts seconds and is what a user waits for. Also a run without any limit, whose time must not move.
 */
public final class PacingHarness {

    /**
     * One scenario.
     *
     * @param ratePerSecond the emulator's limit per project and second; 0 for none
     */
    public record Scenario(int requests, int ratePerSecond, long latencyMillis, int concurrency) {

        /** requests / rate, or requests x latency / concurrency without a limit. */
        double idealSeconds() {
            return ratePerSecond > 0 ? (double) requests / ratePerSecond
                    : requests * latencyMillis / 1000.0 / concurrency;
        }

        String name() {
            return requests + " upserts, " + (ratePerSecond > 0 ? ratePerSecond + "/s limit" : "no limit") + ", "
                    + latencyMillis + " ms, " + concurrency + "-way";
        }
    }

    /** What to run. */
    public record Settings(List<Scenario> scenarios, int repetitions) {

        public Settings {
            scenarios = List.copyOf(scenarios);
        }

        /** The issue's figures: 100 and 20 requests a second at 10 ms, and no limit, at the default concurrency. */
        public static Settings full() {
            int concurrency = BulkOptions.DEFAULT_CONCURRENCY;
            return new Settings(List.of(new Scenario(1_000, 100, 10, concurrency), new Scenario(600, 20, 10, concurrency),
                    new Scenario(1_000, 0, 10, concurrency)), 3);
        }

        /** Seconds, for a smoke test. */
        public static Settings smoke() {
            return new Settings(List.of(new Scenario(30, 20, 1, 4), new Scenario(20, 0, 1, 4)), 1);
        }
    }

    /**
     * One run.
     *
     * @param attempts every request the client sent, retries included
     * @param refused  those the service answered 429
     */
    public record Run(String scenario, int ratePerSecond, boolean paced, double seconds, double idealSeconds,
                      int attempts, int refused, int failed) {

        public double refusedShare() {
            return attempts == 0 ? 0 : (double) refused / attempts;
        }

        public double timeOverIdeal() {
            return seconds / idealSeconds;
        }
    }

    /** Every run, in the order they ran. */
    public record Report(List<Run> runs) {

        public Report {
            runs = List.copyOf(runs);
        }

        /** The scenarios, in the order they ran. */
        public List<String> scenarios() {
            return runs.stream().map(Run::scenario).distinct().toList();
        }

        /** The runs of one scenario, paced or not. */
        public List<Run> of(String scenario, boolean paced) {
            return runs.stream().filter(r -> r.scenario().equals(scenario) && r.paced() == paced).toList();
        }
    }

    private PacingHarness() {
    }

    /** The median wall time of some runs, in seconds. */
    public static double medianSeconds(List<Run> runs) {
        double[] sorted = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Of all requests some runs sent, the share answered 429. */
    public static double refusedShare(List<Run> runs) {
        int attempts = runs.stream().mapToInt(Run::attempts).sum();
        return attempts == 0 ? 0 : (double) runs.stream().mapToInt(Run::refused).sum() / attempts;
    }

    /** Runs every scenario paced and unpaced, alternating, {@code repetitions} times each. */
    public static Report run(Settings settings, Consumer<String> log) {
        List<Run> runs = new ArrayList<>();
        for (Scenario scenario : settings.scenarios()) {
            for (int repetition = 0; repetition < settings.repetitions(); repetition++) {
                for (boolean paced : new boolean[] {true, false}) {
                    Run run = once(scenario, paced);
                    log.accept(String.format("pacing %s, %s: %.2f s (%.2fx the ideal %.1f s), %d of %d requests"
                                    + " refused (%.1f%%), %d failed", scenario.name(), paced ? "paced" : "unpaced",
                            run.seconds(), run.timeOverIdeal(), run.idealSeconds(), run.refused(), run.attempts(),
                            100 * run.refusedShare(), run.failed()));
                    runs.add(run);
                }
            }
        }
        return new Report(runs);
    }

    private static Run once(Scenario scenario, boolean paced) {
        SecretsEmulator.Builder builder = SecretsEmulator.builder().latency(Duration.ofMillis(scenario.latencyMillis()));
        if (scenario.ratePerSecond() > 0) {
            builder.rateLimit(scenario.ratePerSecond(), Duration.ofSeconds(1));
        }
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        SecretsListener counter = new SecretsListener() {
            @Override
            public void attemptCompleted(AttemptCompleted event) {
                attempts.incrementAndGet();
                if (event.statusCode().orElse(0) == 429) {
                    refused.incrementAndGet();
                }
            }
        };
        try (SecretsEmulator emulator = builder.build();
             SecretsClient client = SecretsClient.builder().baseUrl(emulator.baseUrl())
                     .token(emulator.issueToken("secrets:write"))
                     .retryPolicy(RetryPolicy.defaults().toBuilder().paceOnRateLimit(paced).build())
                     .listener(counter).build()) {
            long app = emulator.createApp("pacing");
            Map<String, SecretValue> secrets = new LinkedHashMap<>();
            for (int i = 0; i < scenario.requests(); i++) {
                secrets.put("PACED_" + i, SecretValue.of("value-" + i));
            }
            long start = System.nanoTime();
            BulkResult result = client.upsertAll(app, secrets,
                    BulkOptions.builder().concurrency(scenario.concurrency()).build());
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(scenario.name(), scenario.ratePerSecond(), paced, seconds, scenario.idealSeconds(),
                    attempts.get(), refused.get(), result.failureCount());
        }
    }

    /** Runs the full settings and prints each run: {@code java -cp benchmarks.jar ...PacingHarness [--quick|--once]}. */
    public static void main(String[] args) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Settings settings = args.length > 0 && args[0].equals("--quick") ? Settings.smoke()
                : args.length > 0 && args[0].equals("--once") ? new Settings(Settings.full().scenarios(), 1)
                : Settings.full();
        run(settings, System.out::println);
    }
}
