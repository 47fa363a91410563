package ai.spice.secrets.benchmarks.bulk;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.benchmarks.PeerSetup;
import ai.spice.secrets.benchmarks.peer.ApiException;
import ai.spice.secrets.benchmarks.peer.api.DefaultApi;
import ai.spice.secrets.benchmarks.peer.model.SecretInput;
import ai.spice.secrets.benchmarks.server.Endpoint;
import ai.spice.secrets.benchmarks.server.ServerKind;
import ai.spice.secrets.benchmarks.server.ServerProcess;
import ai.spice.secrets.bulk.BulkOptions;
import ai.spice.secrets.bulk.BulkResult;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Bulk upserts against the emulator with latency added to every request, timed once per run (not JMH: one run is
 * seconds long and is what a user waits for). Each run writes {@code requests} new secrets into an empty app, so
 * every run does the same work. The JVM is warmed first with a few hundred upserts through every client.
 */
public final class BulkHarness {

    /**
     * What to run.
     *
     * @param executorPairs how many times the SDK and the SDK on the JDK's default executor take turns at
     *                      {@link #EXECUTOR_CONCURRENCY} (0: not at all)
     */
    public record Settings(int requests, long latencyMillis, List<Integer> sweep, int repetitions, boolean sequential,
                           int executorPairs) {

        public Settings {
            sweep = List.copyOf(sweep);
        }

        /** The suite's figures: 1,000 upserts at 20 ms, concurrency 1 to 64, three repetitions of each short run. */
        public static Settings full() {
            return new Settings(1_000, 20, List.of(1, 2, 4, 8, 16, 32, 64), 3, true, 5);
        }

        /** Seconds, for a smoke test. */
        public static Settings smoke() {
            return new Settings(20, 2, List.of(1, 4), 1, true, 1);
        }
    }

    /**
     * One scenario's runs.
     *
     * @param scenario    e.g. {@code sdk-upsertAll-16}
     * @param client      {@code sdk} or {@code peer}
     * @param concurrency requests in flight at once (1 for a loop)
     * @param seconds     the wall time of each run
     * @param idealSeconds requests x latency / concurrency: the bound no client can beat
     */
    public record Run(String scenario, String client, String description, int concurrency, List<Double> seconds,
                      double idealSeconds) {

        public double medianSeconds() {
            List<Double> sorted = seconds.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    /** All runs, with the settings they ran with. */
    public record Report(int requests, long latencyMillis, int defaultConcurrency, String method, List<Run> runs) {
    }

    /** Where the SDK's executor is set against the JDK's default: the sweep's most loaded goal. */
    static final int EXECUTOR_CONCURRENCY = 16;

    private BulkHarness() {
    }

    public static Report run(Settings settings, Consumer<String> log) {
        int apps = 3 + settings.repetitions() * (1 + settings.sweep().size()) + 2 + 2 * settings.executorPairs();
        try (ServerProcess server = ServerProcess.start(ServerKind.EMULATOR, settings.latencyMillis(), apps);
             SecretsClient sdk = SecretsClient.builder().baseUrl(server.endpoint().baseUrl())
                     .token(server.endpoint().token()).build();
             // The SDK on an HttpClient as the JDK builds it by default (pool threads read every answer): the one
             // difference from the SDK's own client is its executor (ExchangeExecutor).
             SecretsClient onJdkExecutor = SecretsClient.builder().baseUrl(server.endpoint().baseUrl())
                     .token(server.endpoint().token())
                     .httpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()).build()) {
            Endpoint endpoint = server.endpoint();
            Iterator<Long> freshApps = endpoint.spareApps().iterator();
            DefaultApi peer = PeerSetup.api(endpoint.baseUrl(), endpoint.token());
            Map<String, SecretValue> secrets = secrets(settings.requests());

            int warmUp = Math.min(settings.requests(), 300);
            warmUp(sdk, peer, freshApps.next(), warmUp);
            if (settings.executorPairs() > 0) {
                check(onJdkExecutor.upsertAll(freshApps.next(), secrets(warmUp),
                        BulkOptions.builder().concurrency(EXECUTOR_CONCURRENCY).build()), warmUp);
            }

            List<Run> runs = new ArrayList<>();
            int n = settings.requests();
            double latency = settings.latencyMillis() / 1000.0;
            for (int concurrency : settings.sweep()) {
                BulkOptions options = BulkOptions.builder().concurrency(concurrency).build();
                runs.add(time("sdk-upsertAll-" + concurrency, "sdk", "SDK upsertAll, concurrency " + concurrency,
                        concurrency, n * latency / concurrency, repetitions(settings, concurrency),
                        () -> check(sdk.upsertAll(freshApps.next(), secrets, options), n), log));
            }
            // After the sweep: as warm as the sweep was at the same concurrency.
            runs.add(time("sdk-upsertAll-default", "sdk", "SDK upsertAll, default options", BulkOptions.DEFAULT_CONCURRENCY,
                    n * latency / BulkOptions.DEFAULT_CONCURRENCY, repetitions(settings, BulkOptions.DEFAULT_CONCURRENCY),
                    () -> check(sdk.upsertAll(freshApps.next(), secrets), n), log));
            if (settings.executorPairs() > 0) {
                runs.addAll(executorPairs(sdk, onJdkExecutor, secrets, settings, freshApps, log));
            }
            if (settings.sequential()) {
                runs.add(time("sdk-loop", "sdk", "SDK client.upsert in a loop", 1, n * latency, 1, () -> {
                    long app = freshApps.next();
                    secrets.forEach((name, value) -> sdk.upsert(app, name, value));
                }, log));
                runs.add(time("peer-loop", "peer", "Generated client upsertSecret in a loop", 1, n * latency, 1, () -> {
                    long app = freshApps.next();
                    secrets.forEach((name, value) -> peerUpsert(peer, app, name, value.reveal()));
                }, log));
            }
            return new Report(n, settings.latencyMillis(), BulkOptions.DEFAULT_CONCURRENCY,
                    "SDK: SecretsClient.upsertAll(appId, Map<String, SecretValue>, BulkOptions) from ai.spice.secrets.bulk",
                    runs);
        }
    }

    private static int repetitions(Settings settings, int concurrency) {
        // A run whose ideal is over 5 s is long enough that one is a stable figure; shorter ones are repeated.
        double ideal = settings.requests() * settings.latencyMillis() / 1000.0 / concurrency;
        return ideal > 5 ? 1 : settings.repetitions();
    }

    private static Run time(String scenario, String client, String description, int concurrency, double ideal,
                            int repetitions, Runnable body, Consumer<String> log) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long started = System.nanoTime();
            body.run();
            seconds.add((System.nanoTime() - started) / 1e9);
        }
        return logged(new Run(scenario, client, description, concurrency, seconds, ideal), log);
    }

    private static Run logged(Run run, Consumer<String> log) {
        log.accept(String.format("bulk %-32s %7.3f s (ideal %.3f s) %s", run.scenario(), run.medianSeconds(),
                run.idealSeconds(), run.seconds()));
        return run;
    }

    /**
     * The SDK and the same SDK on the JDK's default executor, taking turns (the first alternating) at
     * {@link #EXECUTOR_CONCURRENCY}, so that both meet the same machine.
     */
    private static List<Run> executorPairs(SecretsClient sdk, SecretsClient onJdkExecutor, Map<String, SecretValue> secrets,
                                           Settings settings, Iterator<Long> freshApps, Consumer<String> log) {
        BulkOptions options = BulkOptions.builder().concurrency(EXECUTOR_CONCURRENCY).build();
        int n = settings.requests();
        List<Double> own = new ArrayList<>();
        List<Double> jdk = new ArrayList<>();
        for (int pair = 0; pair < settings.executorPairs(); pair++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean sdksTurn = (pair + turn) % 2 == 0;
                SecretsClient client = sdksTurn ? sdk : onJdkExecutor;
                long started = System.nanoTime();
                check(client.upsertAll(freshApps.next(), secrets, options), n);
                (sdksTurn ? own : jdk).add((System.nanoTime() - started) / 1e9);
            }
        }
        double ideal = n * settings.latencyMillis() / 1000.0 / EXECUTOR_CONCURRENCY;
        return List.of(
                logged(new Run("sdk-paired-" + EXECUTOR_CONCURRENCY, "sdk", "SDK upsertAll, concurrency "
                        + EXECUTOR_CONCURRENCY + ", taking turns with the next row", EXECUTOR_CONCURRENCY, own, ideal), log),
                logged(new Run("sdk-jdk-executor-paired-" + EXECUTOR_CONCURRENCY, "sdk", "SDK upsertAll on the JDK's"
                        + " default HttpClient executor, concurrency " + EXECUTOR_CONCURRENCY
                        + ", taking turns with the row above", EXECUTOR_CONCURRENCY, jdk, ideal), log));
    }

    private static void warmUp(SecretsClient sdk, DefaultApi peer, long app, int count) {
        Map<String, SecretValue> warm = secrets(count);
        check(sdk.upsertAll(app, warm, BulkOptions.builder().concurrency(16).build()), count);
        int i = 0;
        for (Map.Entry<String, SecretValue> secret : warm.entrySet()) {
            if (i++ == 50) {
                break;
            }
            sdk.upsert(app, secret.getKey(), secret.getValue());
            peerUpsert(peer, app, secret.getKey(), secret.getValue().reveal());
        }
    }

    static Map<String, SecretValue> secrets(int count) {
        Map<String, SecretValue> secrets = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            secrets.put(String.format("BULK_%05d", i), SecretValue.of(Endpoint.UPSERT_VALUE));
        }
        return secrets;
    }

    private static void check(BulkResult result, int expected) {
        if (result.successCount() != expected) {
            throw new IllegalStateException("bulk upsert stored " + result.successCount() + " of " + expected + ": " + result);
        }
    }

    private static void peerUpsert(DefaultApi peer, long app, String name, String value) {
        try {
            peer.upsertSecret(app, new SecretInput().name(name).value(value), null);
        } catch (ApiException e) {
            throw new IllegalStateException("upsertSecret -> " + e.getCode(), e);
        }
    }
}
