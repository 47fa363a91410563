package ai.spice.secrets.benchmarks.server;

import ai.spice.secrets.testkit.SecretsEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark server, run in a process of its own so that its CPU time, allocation and GC never count against the
 * client being measured. Prints one line, {@code READY <endpoint>}, then serves until its standard input closes (so
 * it cannot outlive the process that started it).
 *
 * <pre>{@code
 * java -cp benchmarks.jar ai.spice.secrets.benchmarks.server.ServerMain canned|emulator [latencyMillis] [spareApps]
 * }</pre>
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        // Must precede the first com.sun.net.httpserver server in this JVM: without it every small response waits
        // ~40 ms for Nagle and the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ServerKind kind = ServerKind.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        Duration latency = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 0);
        int spareApps = args.length > 2 ? Integer.parseInt(args[2]) : 0;

        SecretsEmulator emulator = SecretsEmulator.builder().latency(kind == ServerKind.CANNED ? Duration.ZERO : latency).build();
        Endpoint seeded = seed(emulator, spareApps);
        AutoCloseable running;
        Endpoint endpoint;
        if (kind == ServerKind.CANNED) {
            CannedServer canned = new CannedServer(record(seeded), "req-canned");
            emulator.close();
            running = canned;
            endpoint = new Endpoint(canned.baseUrl(), seeded.token(), seeded.smallApp(), seeded.largeApp(), List.of());
        } else {
            running = emulator;
            endpoint = seeded;
        }
        // The emulator journals every request for tests to inspect; a benchmark sends hundreds of thousands.
        ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "journal-janitor");
            thread.setDaemon(true);
            return thread;
        });
        if (kind == ServerKind.EMULATOR) {
            janitor.scheduleAtFixedRate(emulator::clearRequests, 1, 1, TimeUnit.SECONDS);
        }

        System.out.println("READY " + endpoint.toLine());
        System.out.flush();
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
        janitor.shutdownNow();
        running.close();
    }

    private static Endpoint seed(SecretsEmulator emulator, int spareApps) {
        long small = emulator.createApp("bench-small");
        long large = emulator.createApp("bench-large");
        for (int i = 0; i < Endpoint.SMALL_LIST; i++) {
            emulator.storeSecret(small, Endpoint.secretName(i), "value-" + i);
        }
        for (int i = 0; i < Endpoint.LARGE_LIST; i++) {
            emulator.storeSecret(large, Endpoint.secretName(i), "value-" + i);
        }
        List<Long> spare = new ArrayList<>();
        for (int i = 0; i < spareApps; i++) {
            spare.add(emulator.createApp("bench-spare-" + i));
        }
        return new Endpoint(emulator.baseUrl().toString(), emulator.issueToken("secrets:read", "secrets:write"),
                small, large, spare);
    }

    /** The emulator's answers to the four benchmark requests, byte for byte. */
    private static Map<String, byte[]> record(Endpoint endpoint) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String small = "/v1/apps/" + endpoint.smallApp() + "/secrets";
        String large = "/v1/apps/" + endpoint.largeApp() + "/secrets";
        String item = small + "/" + Endpoint.GET_NAME;
        String upsertBody = "{\"name\":\"" + Endpoint.UPSERT_NAME + "\",\"value\":\"" + Endpoint.UPSERT_VALUE + "\"}";
        Map<String, byte[]> responses = new HashMap<>();
        responses.put("GET " + small, fetch(http, endpoint, small, null));
        responses.put("GET " + large, fetch(http, endpoint, large, null));
        responses.put("GET " + item, fetch(http, endpoint, item, null));
        responses.put("POST " + small, fetch(http, endpoint, small, upsertBody));
        return responses;
    }

    private static byte[] fetch(HttpClient http, Endpoint endpoint, String path, String postBody)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
                .header("Authorization", "Bearer " + endpoint.token());
        if (postBody != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(postBody, StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
