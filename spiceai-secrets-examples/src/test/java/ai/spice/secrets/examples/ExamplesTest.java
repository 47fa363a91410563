package ai.spice.secrets.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every example's main on the emulator, so a broken example fails the build, and checks what it printed. */
class ExamplesTest {

    /** Plaintext values the examples store: none may ever appear in their output. */
    private static final List<String> VALUES = List.of("pw@db", "rotated@", "sk-example", "sk-ant-example", "mail-pass",
            "whsec_example", "AKIAEXAMPLE", "example-aws-secret", "example-pg-pass", "redis://cache", "sk_live_", "old-pg-pass", "old-token");

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
                example(QuickstartExample::main, "QuickstartExample", "created  DATABASE_URL id=", "listed   DATABASE_URL value=*",
                        "read     DATABASE_URL updated ", "(same id)", "still there? false"),
                example(ErrorHandlingExample::main, "ErrorHandlingExample", "not found:      Secret not found (status 404)",
                        "no permission:  needs secrets:write (insufficient_scope)", "rate limited:   retry after 30 s"),
                example(RetryPolicyExample::main, "RetryPolicyExample", "attempt 1: 503, retrying in", "attempt 2: 503, retrying in",
                        "attempt 3: 200", "listed 0 secrets despite the failures"),
                example(AsyncExample::main, "AsyncExample", "sent 3 upserts without waiting", "stored REDIS_URL at",
                        "stored SMTP_PASSWORD at", "stored WEBHOOK_SECRET at"),
                example(ClientCredentialsExample::main, "ClientCredentialsExample", "listed 1 secret(s)", "token requests: 1 for 2 calls"),
                example(CommonSecretsExample::main, "CommonSecretsExample", "stored ${secrets:OPENAI_API_KEY}",
                        "stored ${secrets:ANTHROPIC_API_KEY}", "stored ${secrets:PG_PASS}", "13 secrets in the app"),
                example(MetricsExample::main, "MetricsExample", "spice.secrets.operations(TIMER)[operation='upsert', outcome='success']",
                        "spice.secrets.operations(TIMER)[operation='get', outcome='NotFoundException']",
                        "spice.secrets.retries(COUNTER)[operation='upsert']; count=1.0"),
                example(TracingExample::main, "TracingExample", "span secrets upsert UNSET attempts=2 events=[attempt 1, attempt 2]",
                        "span secrets get UNSET attempts=1 events=[attempt 1]"),
                example(AuditLogExample::main, "AuditLogExample",
                        "event=secret.upsert app=1 name=STRIPE_API_KEY outcome=success status=200 request_id=",
                        "event=secret.delete app=1 name=STRIPE_API_KEY outcome=success status=204",
                        "event=secret.delete app=1 name=STRIPE_API_KEY outcome=NotFoundException status=404"),
                example(BulkImportExample::main, "BulkImportExample",
                        "/3 OPENAI_API_KEY", "/3 PG_PASS", "/3 DATABASE_URL", "imported 3 of 3 secrets, 0 failed"),
                example(args -> {
                    try {
                        SyncExample.main(args);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, "SyncExample", "+ OPENAI_API_KEY\n~ PG_PASS\n- LEGACY_TOKEN\n",
                        "1 to create, 1 to update, 1 to delete, 0 unchanged\nwrites sent: 3",
                        "= OPENAI_API_KEY\n= PG_PASS\n", "0 to create, 0 to update, 0 to delete, 2 unchanged\nwrites sent: 0",
                        "~ PG_PASS (changed)\n", "0 to create, 1 to update, 0 to delete, 1 unchanged\nwrites sent: 1"),
                example(args -> {
                    try {
                        SpicepodCheckExample.main(args);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, "SpicepodCheckExample", "  PG_PASS (line 16, datasets[0].params.pg_connection_string)",
                        "${secrets::PG_SSLMODE}: double colon", "  ${secrets:pg_host} -> app secret PG_HOST (line 14",
                        "  ${env:PG_USER} -> app secret PG_USER (line 15",
                        "  ${secrets:SCP_OPENAI_API_KEY} -> SCP_OPENAI_API_KEY (line 9", "unreferenced",
                        "  OLD_API_KEY", "template for the missing secrets:\nPG_PASS=\n"),
                example(RotationAgeExample::main, "RotationAgeExample", "2 secret(s) not rotated in 90 days:",
                        "  LEGACY_FTP_PASSWORD last updated", "(400 days ago)", "  PG_PASS last updated", "(120 days ago)"));
    }

    private static Arguments example(Consumer<String[]> main, String name, String... expected) {
        return Arguments.of(name, main, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleRunsOnTheEmulatorAndPrintsNoValue(String name, Consumer<String[]> main, List<String> expected) {
        String output = run(main);
        assertThat(output.lines().findFirst()).hasValueSatisfying(first ->
                assertThat(first).startsWith(name + ": ").contains("emulator"));
        assertThat(output).contains(expected);
        assertThat(VALUES).noneMatch(output::contains);
    }

    static String run(Consumer<String[]> main) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.accept(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        return output;
    }
}
