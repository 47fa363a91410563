package ai.spice.secrets.benchmarks.interleaved;

import ai.spice.secrets.benchmarks.ClientKind;
import ai.spice.secrets.benchmarks.Driver;
import ai.spice.secrets.benchmarks.server.Endpoint;
import ai.spice.secrets.benchmarks.server.ServerKind;
import ai.spice.secrets.benchmarks.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The per-call figures measured the other way round from JMH's fork per client: every client in one JVM, warmed
 * together, then measured in interleaved rounds. For each call (get, list10, list1000, upsert) a round has two passes:
 * a timed pass, in which the clients take turns call by call (round-robin per iteration, the order turning by one
 * place every iteration; the synchronous clients among themselves, then the asynchronous diagnostics among
 * themselves), each call timed with {@code System.nanoTime}; and an allocation pass, a batch of calls per
 * client whose allocation is read from every thread's allocation counter ({@link AllocationCounter}). A round gives
 * each client its median call time and its bytes per call; the figures are the medians over the rounds. So the
 * clients share one JIT profile (the JDK's HTTP client, Jackson, {@code CompletableFuture}), one heap and one garbage
 * collector, as they would in an application, and the machine's speed, which drifts by seconds on a shared virtual
 * machine, is the same for all of them within a round.
 *
 * <p>{@link #main} is the measuring JVM; {@link #runForked} starts it with the flags JMH's forks get.
 */
public final class InterleavedHarness {

    /** The flags of the measuring JVM: those of a JMH fork of {@code PerCallBenchmark}. */
    public static final List<String> JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true");

    /** The calls measured, as {@code PerCallBenchmark} names its methods. */
    public static final List<String> CALLS = List.of("get", "list10", "list1000", "upsert");

    /** The asynchronous diagnostics, measured on {@code get} only: what the goals set beside the floor's sendAsync. */
    public static final List<String> ASYNC = List.of("floor_async", "sdk_async");

    /** Whether {@code client} is measured on {@code call}. */
    public static boolean measures(String client, String call) {
        return !ASYNC.contains(client) || call.equals("get");
    }

    /**
     * What to run.
     *
     * @param warmUpSeconds how long rounds are run and not recorded: on a busy 2-core machine the JIT takes 20 to 30 s
     *                      of calls to settle (measured: a get's median fell from about 1 ms to about 0.2 ms)
     * @param rounds        rounds recorded
     * @param batchMicros   about how long each client's share of a pass lasts: its number of calls is this over the
     *                      floor's time per call, measured during the warm-up, and the same for every client
     * @param clients       the clients, as {@link ClientKind} names in lower case
     */
    public record Settings(int warmUpSeconds, int rounds, long batchMicros, List<String> clients) {

        public Settings {
            clients = List.copyOf(clients);
            if (!clients.contains("floor")) {
                throw new IllegalArgumentException("the floor sizes the batches; clients were " + clients);
            }
        }

        static final List<String> ALL = List.of("sdk", "floor", "peer", "floor_inline", "floor_async", "sdk_async");

        /** The suite's figures: a minute of warm-up and 80 rounds (about four minutes in all on 2 cores). */
        public static Settings full() {
            return new Settings(60, 80, 40_000, ALL);
        }

        /** Rough figures in about a minute and a half, for development. */
        public static Settings quick() {
            return new Settings(40, 20, 30_000, ALL);
        }

        /** A second or two, for a smoke test: one warm-up round and two measured. */
        public static Settings smoke() {
            return new Settings(0, 2, 1, ALL);
        }

        List<String> arguments() {
            return List.of(Integer.toString(warmUpSeconds), Integer.toString(rounds), Long.toString(batchMicros),
                    String.join(",", clients));
        }

        static Settings parse(String[] args, int from) {
            return new Settings(Integer.parseInt(args[from]), Integer.parseInt(args[from + 1]), Long.parseLong(args[from + 2]),
                    List.of(args[from + 3].split(",")));
        }
    }

    /**
     * One (call, client): its per-round figures, in round order, so that rounds can be paired across clients.
     *
     * @param batchCalls calls per client in each pass of a round
     * @param micros     µs per call, one value per round: the median call of the round's timed pass
     * @param bytes      bytes allocated per call, one value per round: the round's allocation pass
     */
    public record Series(String call, String client, int batchCalls, List<Double> micros, List<Double> bytes) {
    }

    /**
     * A run's figures.
     *
     * @param command        how the measuring JVM was started
     * @param allocationNote how allocation was counted
     */
    public record Report(Settings settings, String command, String allocationNote, List<Series> series) {
    }

    private InterleavedHarness() {
    }

    /** The measuring JVM: {@code <out.json> <warm-up rounds> <rounds> <batch µs> <clients>}. */
    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        Settings settings = Settings.parse(args, 1);
        try (ServerProcess server = ServerProcess.start(ServerKind.CANNED)) {
            Report report = run(settings, server.endpoint(), "java " + String.join(" ", JVM_FLAGS)
                    + " -cp <benchmarks class path> " + InterleavedHarness.class.getName() + " ...", System.out::println);
            ai.spice.secrets.benchmarks.report.Report.write(out.getParent(), report, out.getFileName().toString());
        }
    }

    /** Starts the measuring JVM, waits for it and reads what it wrote to {@code out}. */
    public static Report runForked(Settings settings, Path out) {
        List<String> command = new ArrayList<>(List.of(ServerProcess.java()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), InterleavedHarness.class.getName(),
                out.toAbsolutePath().toString()));
        command.addAll(settings.arguments());
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).inheritIO().start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the interleaved benchmark JVM exited with " + exit);
            }
            return ai.spice.secrets.benchmarks.report.Report.MAPPER.readValue(out.toFile(), Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs the rounds in this JVM against a server already running. */
    public static Report run(Settings settings, Endpoint endpoint, String command, Consumer<String> log) {
        Map<String, Driver> drivers = new LinkedHashMap<>();
        try {
            for (String client : settings.clients()) {
                Driver driver = Driver.of(ClientKind.valueOf(client.toUpperCase(Locale.ROOT)), endpoint);
                drivers.put(client, driver);
                check(client, driver, endpoint);
            }
            Rounds rounds = new Rounds(endpoint, drivers, new AllocationCounter());
            Map<String, Integer> batch = new LinkedHashMap<>();
            CALLS.forEach(call -> batch.put(call, 1));
            // Warm-up: every client, every call, interleaved as measured, for at least warmUpSeconds; the passes sized
            // after the first round and again every ten seconds, the last time when the floor's time per call is its warm
            // one.
            long warmUpEnd = System.nanoTime() + settings.warmUpSeconds() * 1_000_000_000L;
            long nextSizing = 0;
            for (int round = 0; round == 0 || System.nanoTime() - warmUpEnd < 0; round++) {
                rounds.run(round, batch, null);
                if (System.nanoTime() - nextSizing >= 0 || System.nanoTime() - warmUpEnd >= 0) {
                    for (String call : CALLS) {
                        double floorMicros = rounds.microsPerCall(call, "floor", Math.max(1, batch.get(call)));
                        batch.put(call, (int) Math.max(1, Math.round(settings.batchMicros() / floorMicros)));
                    }
                    nextSizing = System.nanoTime() + 10_000_000_000L;
                }
            }
            log.accept("interleaved: calls per batch " + batch);
            Map<String, Series> series = new LinkedHashMap<>();
            for (String call : CALLS) {
                for (String client : settings.clients().stream().filter(client -> measures(client, call)).toList()) {
                    series.put(call + " " + client, new Series(call, client, batch.get(call), new ArrayList<>(),
                            new ArrayList<>()));
                }
            }
            for (int round = 0; round < settings.rounds(); round++) {
                rounds.run(round, batch, series);
                if ((round + 1) % 25 == 0 || round + 1 == settings.rounds()) {
                    log.accept(String.format(Locale.ROOT, "interleaved: round %d of %d; get µs %s", round + 1,
                            settings.rounds(), lastGet(series, settings.clients())));
                }
            }
            return new Report(settings, command, AllocationCounter.NOTE, List.copyOf(series.values()));
        } finally {
            drivers.values().forEach(Driver::close);
        }
    }

    private static String lastGet(Map<String, Series> series, List<String> clients) {
        StringBuilder text = new StringBuilder();
        for (String client : clients) {
            List<Double> micros = series.get("get " + client).micros();
            text.append(text.length() == 0 ? "" : ", ").append(client).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f", micros.get(micros.size() - 1)));
        }
        return text.toString();
    }

    private static void check(String client, Driver driver, Endpoint endpoint) {
        if (driver.size(driver.list(endpoint.smallApp())) != Endpoint.SMALL_LIST
                || driver.size(driver.list(endpoint.largeApp())) != Endpoint.LARGE_LIST) {
            throw new IllegalStateException(client + " did not list the seeded secrets");
        }
    }

    /** One round after another; holds the last result of each call where the JIT cannot see it dropped. */
    private static final class Rounds {

        private final Endpoint endpoint;
        private final List<String> clients;
        private final Driver[] drivers;
        private final AllocationCounter allocation;
        volatile Object sink;

        Rounds(Endpoint endpoint, Map<String, Driver> drivers, AllocationCounter allocation) {
            this.endpoint = endpoint;
            this.clients = List.copyOf(drivers.keySet());
            this.drivers = drivers.values().toArray(Driver[]::new);
            this.allocation = allocation;
        }

        /** One round: for each call a timed pass and an allocation pass; recorded into {@code series} unless null. */
        void run(int round, Map<String, Integer> batch, Map<String, Series> series) {
            for (String call : CALLS) {
                int[] taking = java.util.stream.IntStream.range(0, clients.size())
                        .filter(i -> measures(clients.get(i), call)).toArray();
                int n = taking.length;
                int calls = batch.get(call);
                long[][] nanos = new long[n][calls];
                Object last = null;
                // The synchronous clients take turns among themselves, then the asynchronous diagnostics among
                // themselves: an asynchronous call leaves the JDK's hand-off thread finishing behind it, which would
                // slow whichever call came next (in a turning order, always the same client).
                for (int[] group : groups(taking)) {
                    int size = group.length;
                    for (int iteration = 0; iteration < calls; iteration++) {
                        for (int turn = 0; turn < size; turn++) {
                            int k = group[(turn + iteration + round) % size];
                            long started = System.nanoTime();
                            last = call(drivers[taking[k]], call);
                            nanos[k][iteration] = System.nanoTime() - started;
                        }
                    }
                }
                sink = last;
                for (int turn = 0; turn < n; turn++) {
                    int k = (turn + round) % n;
                    long bytesBefore = allocation.total();
                    for (int i = 0; i < calls; i++) {
                        last = call(drivers[taking[k]], call);
                    }
                    long bytes = allocation.total() - bytesBefore - allocation.overhead();
                    sink = last;
                    if (series != null) {
                        Series s = series.get(call + " " + clients.get(taking[k]));
                        s.micros().add(median(nanos[k]) / 1e3);
                        s.bytes().add(Math.max(0, bytes) / (double) calls);
                    }
                }
            }
        }

        /** Positions in {@code taking}: the synchronous clients', then the asynchronous diagnostics' (if any). */
        private int[][] groups(int[] taking) {
            int[] sync = java.util.stream.IntStream.range(0, taking.length)
                    .filter(k -> !ASYNC.contains(clients.get(taking[k]))).toArray();
            int[] async = java.util.stream.IntStream.range(0, taking.length)
                    .filter(k -> ASYNC.contains(clients.get(taking[k]))).toArray();
            return async.length == 0 ? new int[][] {sync} : new int[][] {sync, async};
        }

        /** The median call: on a shared machine one call in a hundred takes ten times the others, which moves a mean. */
        private static double median(long[] nanos) {
            long[] sorted = nanos.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        }

        double microsPerCall(String call, String client, int calls) {
            Driver driver = drivers[clients.indexOf(client)];
            long started = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink = call(driver, call);
            }
            return (System.nanoTime() - started) / 1e3 / calls;
        }

        private Object call(Driver driver, String call) {
            return switch (call) {
                case "get" -> driver.get(endpoint.smallApp(), Endpoint.GET_NAME);
                case "list10" -> driver.list(endpoint.smallApp());
                case "list1000" -> driver.list(endpoint.largeApp());
                case "upsert" -> driver.upsert(endpoint.smallApp(), Endpoint.UPSERT_NAME, Endpoint.UPSERT_VALUE);
                default -> throw new IllegalArgumentException(call);
            };
        }
    }
}
