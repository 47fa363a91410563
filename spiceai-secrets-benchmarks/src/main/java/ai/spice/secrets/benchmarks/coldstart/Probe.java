package ai.spice.secrets.benchmarks.coldstart;

import java.util.ArrayList;
import java.util.List;

/**
 * What a first-call main reports: when {@code main} was entered, when the first call returned, and the live threads
 * at each step. Thread counting walks the thread groups (no management beans, which would load classes of their own).
 * Each main prints one {@code COLDSTART ...} line that {@link ColdStartHarness} parses.
 */
final class Probe {

    private final long entered = System.nanoTime();
    private final List<String> before = threads();
    private List<String> afterBuild = List.of();
    private long firstCallDone;
    private List<String> afterFirstCall = List.of();

    void built() {
        afterBuild = threads();
    }

    /** Called as soon as the first call returned: stops the clock. */
    void firstCallDone() {
        firstCallDone = System.nanoTime();
        afterFirstCall = threads();
    }

    /** Prints the report after {@code moreCalls} more calls: threads that appear only under use count too. */
    void report(String client, int listed, int moreCalls) {
        List<String> after = threads();
        // Read last, once the clock has stopped: loading the management classes costs time of its own.
        long started = java.lang.management.ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        List<String> added = new ArrayList<>(after);
        before.forEach(added::remove);
        System.out.println("COLDSTART client=" + client + ";listed=" + listed
                + ";entered=" + entered + ";done=" + firstCallDone
                + ";threadsBefore=" + before.size() + ";threadsBuilt=" + afterBuild.size()
                + ";threadsFirstCall=" + afterFirstCall.size() + ";threadsAfter" + moreCalls + "=" + after.size()
                + ";threadsStarted=" + started
                + ";added=" + String.join(",", added.stream().map(Probe::generic).sorted().toList()));
        System.out.flush();
    }

    /** {@code HttpClient-1-Worker-3} to {@code HttpClient-N-Worker-N}: names without their counters. */
    private static String generic(String name) {
        return name.replaceAll("[0-9]+", "N");
    }

    private static List<String> threads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(all[i].getName());
        }
        return names;
    }
}
