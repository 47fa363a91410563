package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.errors.SpicepodException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile spicepods are refused within fixed limits. Runs in the core pom's {@code spicepod-hostile} surefire
 * execution, on a 64 MiB heap: a read that held a 50 MB file, or expanded an alias bomb, would run out of memory, and
 * one that looped would hit the (generous) timeout.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpicepodHostileInputTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    /** The execution that runs this class says so; then its heap must really be limited (a -Dtest run has no limit). */
    @BeforeAll
    static void theHeapIsLimitedInItsOwnExecution() {
        if (Boolean.getBoolean("spice.spicepod.heapLimited")) {
            assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(64 * MIB);
        }
    }

    @Test
    void aBillionLaughsAliasBombIsRefused() {
        StringBuilder bomb = new StringBuilder("datasets:\n  - params:\n      a: &a [\"lol\",\"lol\",\"lol\",\"lol\","
                + "\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"${secrets:LOL}\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append("      ").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        assertRefused(() -> SpicepodReferences.parse(bomb.toString()), "aliases expand the document to more than");
    }

    @Test
    void aMergeKeyBombIsRefused() {
        StringBuilder bomb = new StringBuilder("x0: &x0 {k: \"${secrets:K}\"}\n");
        for (int i = 1; i <= 40; i++) {
            bomb.append('x').append(i).append(": &x").append(i).append(" {<<: [*x").append(i - 1).append(", *x")
                    .append(i - 1).append("]}\n");
        }
        bomb.append("datasets:\n  - params:\n      <<: *x40\n");
        assertRefused(() -> SpicepodReferences.parse(bomb.toString()), "aliases expand the document to more than");
    }

    @Test
    void deepNestingIsRefusedInFlowAndBlockStyleAndThroughAliases() {
        int depth = 200_000;
        assertRefused(() -> SpicepodReferences.parse("a: " + "[".repeat(depth) + "]".repeat(depth) + "\n"),
                "nested deeper than 64 levels");
        assertRefused(() -> SpicepodReferences.parse("a:\n" + "- ".repeat(depth) + "x\n"),
                "nested deeper than 64 levels");
        StringBuilder chain = new StringBuilder("l0: &l0 [x]\n");
        for (int i = 1; i <= 100; i++) {
            chain.append('l').append(i).append(": &l").append(i).append(" [*l").append(i - 1).append("]\n");
        }
        assertRefused(() -> SpicepodReferences.parse(chain.toString()), "nested deeper than 64 levels");
    }

    @Test
    void aFiftyMegabyteFileIsRefusedWithoutBeingRead() throws Exception {
        Path huge = dir.resolve("spicepod.yaml");
        byte[] chunk = ("datasets:\n  - params:\n      k: ${secrets:KEY} padding padding padding\n")
                .repeat(20_000).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(huge)) {
            while (Files.size(huge) < 50 * MIB) {
                out.write(chunk);
                out.flush();
            }
        }
        assertRefused(() -> SpicepodReferences.read(huge), "larger than 4194304 characters");
    }

    @Test
    void tooManyReferencesAndTooManyAliasesAreRefused() {
        String many = "datasets:\n  - params:\n      k: \"" + "${a:b}".repeat(200_000) + "\"\n";
        assertRefused(() -> SpicepodReferences.parse(many), "more than 100000 references");
        String aliases = "a: &a [1]\nb: [" + "*a,".repeat(10_001) + "*a]\n";
        assertRefused(() -> SpicepodReferences.parse(aliases), "more than 10000 aliases to mappings or lists");
    }

    private static void assertRefused(Supplier<SpicepodReferences> read, String reason) {
        long started = System.nanoTime();
        assertThatThrownBy(read::get).isInstanceOfSatisfying(SpicepodException.class, e -> {
            assertThat(e.reason()).contains(reason);
            assertThat(e.getMessage()).doesNotContain("lol").doesNotContain("${");
        });
        System.out.printf("SpicepodHostileInputTest: refused (%s) in %d ms%n", reason,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
