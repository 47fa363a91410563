package ai.spice.secrets.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.testkit.Fault;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What a test of a shared emulator finds as it starts: the faults and requests of its own setup only. */
class ResetTest {

    /** What a fixture test found as it started. */
    record Start(String test, int pendingFaults, int requests) {}

    static final List<Start> STARTS = new CopyOnWriteArrayList<>();

    @Test
    void eachTestStartsWithTheFaultsAndRequestsOfItsOwnBeforeEachOnly() {
        STARTS.clear();
        FixtureRun run = FixtureRun.sequential(LeavesFaultsBehind.class);

        assertThat(run.failures()).isEmpty();
        assertThat(STARTS).containsExactly(new Start("first", 1, 1), new Start("second", 1, 1));
    }

    @Test
    void aSessionClearsOnlyForATestThatEntersWhenNoOtherIsIn() {
        try (EmulatorSession session = new EmulatorSession(SecretsEmulator.start())) {
            SecretsEmulator emulator = session.emulator();
            EmulatorSession.Occupancy first = session.enter();
            emulator.faults().next(1, "/v1/apps/1", Fault.status(503));
            EmulatorSession.Occupancy second = session.enter();
            assertThat(emulator.faults().pending()).as("a second test in does not clear").isEqualTo(1);

            first.close();
            first.close();
            EmulatorSession.Occupancy third = session.enter();
            assertThat(session.running()).as("a second close does not leave twice").isEqualTo(2);
            assertThat(emulator.faults().pending()).as("nor does one entering while another is in").isEqualTo(1);

            second.close();
            third.close();
            session.enter();
            assertThat(emulator.faults().pending()).as("the first one in after all left clears").isZero();
        }
    }

    @SecretsEmulatorTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeavesFaultsBehind {

        @BeforeAll
        static void faultsAndRequestsBeforeAll(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
            emulator.faults().next(3, "", Fault.status(503));
            client.list(appId);
        }

        @BeforeEach
        void oneFaultAndOneRequest(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
            emulator.faults().next(2, "/v1/apps/" + appId, Fault.status(429));
            assertThat(client.list(appId)).isEqualTo(429);
        }

        @Test
        @Order(1)
        void first(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
            STARTS.add(new Start("first", emulator.faults().pending(), emulator.requestCount()));
            emulator.faults().next(5, "/v1/", Fault.status(503));
            assertThat(client.list(appId)).isEqualTo(429);
            assertThat(client.list(appId)).isEqualTo(503);
        }

        @Test
        @Order(2)
        void second(SecretsEmulator emulator) {
            STARTS.add(new Start("second", emulator.faults().pending(), emulator.requestCount()));
        }
    }
}
