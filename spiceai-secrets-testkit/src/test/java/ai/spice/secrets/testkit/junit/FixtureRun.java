package ai.spice.secrets.testkit.junit;

import ai.spice.secrets.testkit.SecretsEmulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs fixture classes (static nested classes, which neither surefire nor an IDE runs on its own) through a
 * launcher of their own, with no configuration but what is passed here, and reports how they ended.
 */
final class FixtureRun {

    private final TestExecutionSummary summary;

    private FixtureRun(TestExecutionSummary summary) {
        this.summary = summary;
    }

    static FixtureRun sequential(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    /** Runs classes and their tests concurrently on a fixed number of threads. */
    static FixtureRun parallel(int threads, Class<?>... fixtures) {
        return run(Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(threads)), fixtures);
    }

    private static FixtureRun run(Map<String, String> configuration, Class<?>... fixtures) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(fixtures).map(DiscoverySelectors::selectClass).toList())
                .configurationParameters(configuration)
                .enableImplicitConfigurationParameters(false)
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return new FixtureRun(listener.getSummary());
    }

    long testsSucceeded() {
        return summary.getTestsSucceededCount();
    }

    /** Every failure, of a test or of a class, as "display name: exception". */
    List<String> failures() {
        return summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
                .toList();
    }

    /** Whether something accepts connections on the emulator's port. */
    static boolean isServing(SecretsEmulator emulator) {
        return isServing(emulator.port());
    }

    /** Whether something accepts connections on this port of 127.0.0.1. */
    static boolean isServing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
