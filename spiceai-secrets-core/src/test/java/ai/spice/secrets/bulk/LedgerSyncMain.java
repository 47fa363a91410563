package ai.spice.secrets.bulk;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A separate process that syncs secrets through a ledger, for {@link SyncLedgerProcessesTest}: prints
 * {@code CONFIRMED n} after each confirmed write and {@code DONE} at the end, so that its parent can kill it halfway.
 * Arguments: base URL, token, app id, ledger file, key (base64), concurrency, then {@code PREFIX:COUNT:TAG} groups,
 * each writing {@code PREFIX_0 .. PREFIX_<COUNT-1>} with values {@code v-TAG-i}.
 */
public final class LedgerSyncMain {

    private LedgerSyncMain() {
    }

    public static void main(String[] args) {
        Map<String, SecretValue> desired = new LinkedHashMap<>();
        for (int g = 6; g < args.length; g++) {
            String[] group = args[g].split(":");
            for (int i = 0; i < Integer.parseInt(group[1]); i++) {
                desired.put(group[0] + "_" + i, SecretValue.of("v-" + group[2] + "-" + i));
            }
        }
        SyncLedger ledger = SyncLedger.at(Path.of(args[3])).withKey(Base64.getDecoder().decode(args[4]));
        BulkOptions bulk = BulkOptions.builder().concurrency(Integer.parseInt(args[5]))
                .progress((done, total, name) -> System.out.println("CONFIRMED " + done)).build();
        try (SecretsClient client = SecretsClient.builder().baseUrl(args[0]).token(args[1]).build()) {
            SyncResult result = client.plan(Long.parseLong(args[2]), desired,
                    SyncOptions.builder().ledger(ledger).bulk(bulk).build()).apply();
            System.out.println("DONE " + result);
        }
    }
}
