package ai.spice.secrets.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.testkit.Fault;
import ai.spice.secrets.testkit.RecordedRequest;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Classes and the tests of each class, run concurrently by JUnit's parallel execution: every test holds a fault
 * across a barrier that all of them must reach together, so they are all in their emulators at once.
 */
class ParallelExecutionTest {

    private static final int TESTS = 6;

    /** What one fixture test was given. */
    record Seen(String fixture, SecretsEmulator emulator, long appId) {}

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    static volatile CyclicBarrier allIn;

    @Test
    void concurrentTestsAndClassesEachSeeOnlyTheirOwnSecretsRequestsAndFaults() {
        SEEN.clear();
        allIn = new CyclicBarrier(TESTS);

        FixtureRun run = FixtureRun.parallel(TESTS + 4, SharedOne.class, SharedTwo.class, PerMethod.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.testsSucceeded()).isEqualTo(TESTS);
        assertThat(SEEN).extracting(seen -> List.of(seen.emulator(), seen.appId())).doesNotHaveDuplicates();
        Map<String, Set<SecretsEmulator>> emulators = SEEN.stream()
                .collect(Collectors.groupingBy(Seen::fixture, Collectors.mapping(Seen::emulator, Collectors.toSet())));
        assertThat(emulators.get("SharedOne")).hasSize(1);
        assertThat(emulators.get("SharedTwo")).hasSize(1).doesNotContainAnyElementsOf(emulators.get("SharedOne"));
        assertThat(emulators.get("PerMethod")).hasSize(2);
        assertThat(SEEN.stream().map(Seen::emulator).distinct()).hasSize(4).noneMatch(FixtureRun::isServing);
    }

    /**
     * Sets a fault on the test's own app, waits until every test of the run is in, then meets its fault, writes a
     * secret, and checks that what it sees of its app is its own alone.
     */
    static void exercise(String fixture, SecretsEmulator emulator, long appId, SecretsClient client) throws Exception {
        SEEN.add(new Seen(fixture, emulator, appId));
        String secrets = "/v1/apps/" + appId + "/secrets";
        emulator.faults().next(1, secrets, Fault.status(503));

        allIn.await(30, TimeUnit.SECONDS);

        assertThat(client.upsert(appId, "OWN_" + appId, "value")).as("its fault is still there").isEqualTo(503);
        assertThat(client.upsert(appId, "OWN_" + appId, "value")).isEqualTo(200);
        assertThat(emulator.secretNames(appId)).containsExactly("OWN_" + appId);
        List<RecordedRequest> own = emulator.requests().stream()
                .filter(request -> request.path().startsWith(secrets)).toList();
        assertThat(own).hasSize(2).allSatisfy(request ->
                assertThat(request.header("Authorization")).contains("Bearer " + client.token()));
    }

    @SecretsEmulatorTest
    static class SharedOne {

        @Test
        void one(SecretsEmulator emulator, @AppId long appId, SecretsClient client) throws Exception {
            exercise("SharedOne", emulator, appId, client);
        }

        @Test
        void two(SecretsEmulator emulator, @AppId long appId, SecretsClient client) throws Exception {
            exercise("SharedOne", emulator, appId, client);
        }
    }

    @SecretsEmulatorTest
    static class SharedTwo {

        @Test
        void one(SecretsEmulator emulator, @AppId long appId, SecretsClient client) throws Exception {
            exercise("SharedTwo", emulator, appId, client);
        }

        @Test
        void two(SecretsEmulator emulator, @AppId long appId, SecretsClient client) throws Exception {
            exercise("SharedTwo", emulator, appId, client);
        }
    }

    @SecretsEmulatorTest(lifecycle = EmulatorLifecycle.PER_METHOD)
    static class PerMethod {

        @Test
        void one(SecretsEmulator emulator, @AppId long appId, SecretsClient client) throws Exception {
            exercise("PerMethod", emulator, appId, client);
        }

        @Test
        void two(SecretsEmulator emulator, @AppId long appId, SecretsClient client) throws Exception {
            exercise("PerMethod", emulator, appId, client);
        }
    }
}
