package ai.spice.secrets.benchmarks.server;

import java.util.List;
import java.util.Objects;

/**
 * What a client needs to reach a benchmark server: its base URL, a token with read and write scope, an app holding
 * {@value #SMALL_LIST} secrets, one holding {@value #LARGE_LIST}, and empty apps for bulk runs.
 *
 * @param baseUrl   e.g. {@code http://127.0.0.1:41234}
 * @param token     a bearer token with {@code secrets:read} and {@code secrets:write}
 * @param smallApp  the app with {@value #SMALL_LIST} secrets; the single-secret reads and the upserts go to it
 * @param largeApp  the app with {@value #LARGE_LIST} secrets
 * @param spareApps empty apps
 */
public record Endpoint(String baseUrl, String token, long smallApp, long largeApp, List<Long> spareApps) {

    /** Secrets in {@link #smallApp()}. */
    public static final int SMALL_LIST = 10;
    /** Secrets in {@link #largeApp()}. */
    public static final int LARGE_LIST = 1_000;
    /** The secret every benchmark {@code get} reads. */
    public static final String GET_NAME = secretName(SMALL_LIST / 2);
    /** The secret every benchmark {@code upsert} writes: an update of a seeded one, so the lists keep their size. */
    public static final String UPSERT_NAME = secretName(SMALL_LIST - 1);
    /** The value every benchmark {@code upsert} writes: 32 characters, like a typical API key. */
    public static final String UPSERT_VALUE = "sk_live_0123456789abcdef01234567";

    public Endpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        spareApps = List.copyOf(spareApps);
    }

    /** The name of the {@code i}-th seeded secret: {@code SECRET_0000}, {@code SECRET_0001}, ... */
    public static String secretName(int i) {
        return String.format("SECRET_%04d", i);
    }

    /** The one-line form {@link ServerMain} prints and {@link ServerProcess} parses. */
    String toLine() {
        StringBuilder spare = new StringBuilder();
        for (long app : spareApps) {
            spare.append(spare.length() == 0 ? "" : ",").append(app);
        }
        return String.join(" ", baseUrl, token, Long.toString(smallApp), Long.toString(largeApp),
                spare.length() == 0 ? "-" : spare);
    }

    static Endpoint parse(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 5) {
            throw new IllegalArgumentException("not an endpoint line: " + line);
        }
        List<Long> spare = parts[4].equals("-") ? List.of()
                : java.util.Arrays.stream(parts[4].split(",")).map(Long::valueOf).toList();
        return new Endpoint(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]), spare);
    }
}
