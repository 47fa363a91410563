package ai.spice.secrets.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** When emulators, apps and clients are made and closed, from fixture classes run by a launcher of their own. */
class LifecycleTest {

    /** What one fixture method was given. */
    record Seen(String method, SecretsEmulator emulator, long appId, SecretsClient client) {}

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void perClassOneEmulatorServesTheClassAndEachTestGetsItsOwnAppAndClientsClosedAfterIt() {
        SEEN.clear();
        FixtureRun run = FixtureRun.sequential(PerClass.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.testsSucceeded()).isEqualTo(3);
        assertThat(SEEN).extracting(Seen::emulator).hasSize(4).containsOnly(SEEN.get(0).emulator());
        assertThat(SEEN).extracting(Seen::appId).doesNotHaveDuplicates();
        assertThat(SEEN).extracting(Seen::client).doesNotHaveDuplicates().allMatch(SecretsClient::isClosed);
        assertThat(FixtureRun.isServing(SEEN.get(0).emulator())).as("closed after the class").isFalse();
    }

    @Test
    void perMethodEachTestGetsItsOwnEmulatorFromTheConstructorOnAndClosedAfterIt() {
        SEEN.clear();
        FixtureRun run = FixtureRun.sequential(PerMethod.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.testsSucceeded()).isEqualTo(3);
        assertThat(SEEN).hasSize(6).extracting(Seen::method).containsOnly("constructor", "test");
        for (int i = 0; i < SEEN.size(); i += 2) {
            assertThat(SEEN.get(i + 1).emulator()).as("constructor and test").isSameAs(SEEN.get(i).emulator());
            assertThat(SEEN.get(i + 1).appId()).isEqualTo(SEEN.get(i).appId());
        }
        assertThat(SEEN.stream().map(Seen::emulator).distinct()).hasSize(3).noneMatch(FixtureRun::isServing);
    }

    @Test
    void perMethodClassLevelMethodsGetNoEmulatorButAClearError() {
        FixtureRun run = FixtureRun.sequential(PerMethodBeforeAll.class);

        assertThat(run.failures()).singleElement().asString()
                .contains("ParameterResolutionException", "lifecycle = PER_METHOD", "use PER_CLASS");
    }

    @Test
    void perClassTestInstanceConstructorGetsTheClassLevelApp() {
        SEEN.clear();
        FixtureRun run = FixtureRun.sequential(PerClassInstance.class);

        assertThat(run.failures()).isEmpty();
        assertThat(SEEN).extracting(Seen::method).containsExactly("constructor", "beforeAll", "test", "test");
        assertThat(SEEN.get(1).appId()).isEqualTo(SEEN.get(0).appId());
        assertThat(SEEN.subList(1, 4)).extracting(Seen::appId).doesNotHaveDuplicates();
        assertThat(SEEN).extracting(Seen::emulator).containsOnly(SEEN.get(0).emulator());
    }

    @Test
    void annotationsOnTheWrongTypeFailWithAMessageThatSaysWhere() {
        FixtureRun run = FixtureRun.sequential(Misplaced.class);

        assertThat(run.failures()).hasSize(2).anySatisfy(failure -> assertThat(failure)
                .contains("@AppId goes on a long or Long parameter, not on java.lang.String").contains("appIdOnAString"))
                .anySatisfy(failure -> assertThat(failure)
                        .contains("@ReadOnly goes on an ai.spice.secrets.SecretsClient parameter"));
    }

    static void see(String method, SecretsEmulator emulator, long appId, SecretsClient client) {
        SEEN.add(new Seen(method, emulator, appId, client));
    }

    @SecretsEmulatorTest
    static class PerClass {

        @BeforeAll
        static void beforeAll(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
            see("beforeAll", emulator, appId, client);
        }

        @RepeatedTest(3)
        void test(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
            see("test", emulator, appId, client);
        }
    }

    @SecretsEmulatorTest(lifecycle = EmulatorLifecycle.PER_METHOD)
    static class PerMethod {

        PerMethod(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
            see("constructor", emulator, appId, client);
        }

        @BeforeEach
        void beforeEach(SecretsEmulator emulator) {
            assertThat(emulator).isSameAs(SEEN.get(SEEN.size() - 1).emulator());
        }

        @RepeatedTest(3)
        void test(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
            see("test", emulator, appId, client);
        }
    }

    @SecretsEmulatorTest(lifecycle = EmulatorLifecycle.PER_METHOD)
    static class PerMethodBeforeAll {

        @BeforeAll
        static void beforeAll(SecretsEmulator emulator) {}

        @Test
        void test() {}
    }

    @SecretsEmulatorTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstance {

        PerClassInstance(SecretsEmulator emulator, @AppId long appId) {
            see("constructor", emulator, appId, null);
        }

        @BeforeAll
        void beforeAll(SecretsEmulator emulator, @AppId long appId) {
            see("beforeAll", emulator, appId, null);
        }

        @RepeatedTest(2)
        void test(SecretsEmulator emulator, @AppId long appId) {
            see("test", emulator, appId, null);
        }
    }

    @SecretsEmulatorTest
    static class Misplaced {

        @Test
        void appIdOnAString(@AppId String appId) {}

        @Test
        void readOnlyOnTheEmulator(@ReadOnly SecretsEmulator emulator) {}
    }
}
