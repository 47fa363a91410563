package ai.spice.secrets.benchmarks.coldstart;

import ai.spice.secrets.benchmarks.floor.FloorClient;

/** A fresh JVM's first call through the hand-written floor. Args: baseUrl token appId. */
public final class FloorFirstCall {

    private FloorFirstCall() {
    }

    public static void main(String[] args) {
        Probe probe = new Probe();
        FloorClient client = new FloorClient(args[0], args[1]);
        probe.built();
        FloorClient.SecretList secrets = client.list(Long.parseLong(args[2]));
        probe.firstCallDone();
        for (int i = 0; i < ColdStartHarness.MORE_CALLS; i++) {
            client.list(Long.parseLong(args[2]));
        }
        probe.report("floor", secrets.secrets().size(), ColdStartHarness.MORE_CALLS);
        System.exit(0);
    }
}
