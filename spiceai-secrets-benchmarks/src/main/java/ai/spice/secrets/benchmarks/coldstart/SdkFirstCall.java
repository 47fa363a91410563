package ai.spice.secrets.benchmarks.coldstart;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import java.util.List;

/** A fresh JVM's first SDK call: build a client, list an app's secrets. Args: baseUrl token appId. */
public final class SdkFirstCall {

    private SdkFirstCall() {
    }

    public static void main(String[] args) {
        Probe probe = new Probe();
        SecretsClient client = SecretsClient.builder().baseUrl(args[0]).token(args[1]).build();
        probe.built();
        List<Secret> secrets = client.list(Long.parseLong(args[2]));
        probe.firstCallDone();
        for (int i = 0; i < ColdStartHarness.MORE_CALLS; i++) {
            client.list(Long.parseLong(args[2]));
        }
        probe.report("sdk", secrets.size(), ColdStartHarness.MORE_CALLS);
        System.exit(0);
    }
}
