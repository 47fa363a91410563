package ai.spice.secrets.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the bulk, sync and spicepod-check examples on the emulator and checks what they printed: names, no values. */
class BulkExamplesTest {

    private static final List<String> VALUES = List.of("sk-example", "example-pg-pass", "pw@db", "old-pg-pass", "old-token");

    @BeforeAll
    static void forceTheEmulator() {
        System.setProperty("spice.examples.emulator", "true");
    }

    @AfterAll
    static void restore() {
        System.clearProperty("spice.examples.emulator");
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("BulkImportExample", (Consumer<String[]>) BulkImportExample::main, List.of(
                        "/3 OPENAI_API_KEY", "/3 PG_PASS", "/3 DATABASE_URL", "imported 3 of 3 secrets, 0 failed")),
                Arguments.of("SyncExample", (Consumer<String[]>) SyncExample::main, List.of(
                        "+ OPENAI_API_KEY\n~ PG_PASS\n- LEGACY_TOKEN\n",
                        "1 to create, 1 to update, 1 to delete, 0 unchanged",
                        "SyncResult[created=1, updated=1, deleted=1, failed=0, skipped=0]")),
                Arguments.of("SpicepodCheckExample", (Consumer<String[]>) args -> {
                    try {
                        SpicepodCheckExample.main(args);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, List.of("  PG_PASS (line 13)", "${secrets::PG_SSLMODE}: double colon", "unreferenced",
                        "  OLD_API_KEY", "template for the missing secrets:\nPG_PASS=\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleRunsOnTheEmulatorAndPrintsNoValue(String name, Consumer<String[]> main, List<String> expected) {
        String output = ExamplesTest.run(main);
        assertThat(output.lines().findFirst()).hasValueSatisfying(first ->
                assertThat(first).startsWith(name + ": ").contains("emulator"));
        assertThat(output).contains(expected);
        assertThat(VALUES).noneMatch(output::contains);
    }
}
