package ai.spice.secrets.cli;

import static ai.spice.secrets.cli.CommandsIT.names;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.testkit.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exit code, and bad input: each failure is one {@code error:} line on standard error with the usage or the
 * failure code, no stack trace unless {@code --debug}, and with {@code --json} a document whose {@code error} says
 * the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsIT {

    private final Emulated emulated = new Emulated();

    @TempDir
    Path dir;

    @AfterAll
    void close() {
        emulated.close();
    }

    @Test
    void badInputIsOneLineAndTheUsageExitCode() throws IOException {
        long app = emulated.newApp();
        Cli cli = emulated.cli(app);
        Path malformed = Files.writeString(dir.resolve("bad.env"), "GOOD=1\nno equals sign here\n");
        int before = emulated.emulator.requestCount();

        assertThat(cli.run("lsit").exits(ExitCode.USAGE).failsWithOneLine().err())
                .contains("unknown command", "list, get, set");
        assertThat(cli.run("list", "--colour").exits(ExitCode.USAGE).failsWithOneLine().err())
                .contains("unknown option --colour", "spice-secrets list --help");
        assertThat(cli.run("import", dir.resolve("missing.env").toString()).exits(ExitCode.USAGE)
                .failsWithOneLine().err()).contains("missing.env: no such file");
        assertThat(cli.run("apply", malformed.toString()).exits(ExitCode.USAGE).failsWithOneLine().err())
                .contains("bad.env, line 2, column", "(DotEnvException)");
        JsonNode json = cli.run("get", "my-secret", "--json").exits(ExitCode.USAGE).failsWithOneLine().json();
        assertThat(json.get("error").get("type").asText()).isEqualTo("InvalidSecretNameException");
        assertThat(json.get("error").get("exit_code").asInt()).isEqualTo(ExitCode.USAGE);
        assertThat(json.get("error").get("message").asText()).contains("invalid secret name \"my-secret\"");
        assertThat(cli.run("set", "A").exits(ExitCode.USAGE).failsWithOneLine().err())
                .as("standard input is /dev/null: empty").contains("the value is empty", "--allow-empty");
        assertThat(emulated.emulator.requestCount()).as("nothing sent").isEqualTo(before);
    }

    @Test
    void noCredentialsOrNoAppIsAUsageError() {
        assertThat(Cli.with(Map.of(ClientConfig.APP_ID, "1")).run("list").exits(ExitCode.USAGE)
                .failsWithOneLine().err()).contains("no credentials: set SPICE_API_TOKEN");
        assertThat(Cli.with(Map.of(ClientConfig.TOKEN, "t")).run("list").exits(ExitCode.USAGE).failsWithOneLine()
                .err()).contains("no app: pass --app ID or set SPICE_APP_ID");
    }

    @Test
    void aValueOnTheCommandLineIsRefusedAndNotRepeated() {
        long app = emulated.newApp();
        Cli cli = emulated.cli(app);

        Cli.Run positional = cli.run("set", "API_KEY", "sk-typed-on-the-command-line");
        positional.exits(ExitCode.USAGE).failsWithOneLine();
        assertThat(positional.err()).contains("never a value on the command line", "--from-file", "--from-env")
                .doesNotContain("sk-typed-on-the-command-line");
        Cli.Run option = cli.run("set", "API_KEY", "--value=sk-typed-as-an-option");
        assertThat(option.exits(ExitCode.USAGE).failsWithOneLine().err()).contains("unknown option --value")
                .doesNotContain("sk-typed-as-an-option");
        assertThat(emulated.emulator.secretNames(app)).isEmpty();
    }

    @Test
    void whatTheServiceRefusesIsAFailure() {
        long app = emulated.newApp();
        Cli cli = emulated.cli(app);

        JsonNode notFound = cli.run("get", "MISSING", "--json").exits(ExitCode.FAILURE).failsWithOneLine().json();
        assertThat(notFound.get("error").get("type").asText()).isEqualTo("NotFoundException");
        assertThat(notFound.get("error").get("status").asInt()).isEqualTo(404);
        assertThat(notFound.get("error").get("request_id").asText()).isNotEmpty();

        String readOnly = emulated.emulator.issueToken("secrets:read");
        assertThat(cli.env(ClientConfig.TOKEN, readOnly).stdin("v").run("set", "A").exits(ExitCode.FAILURE)
                .failsWithOneLine().err()).contains("403", "(PermissionDeniedException)");

        emulated.emulator.faults().next(1, "/v1/apps/" + app, Fault.status(503));
        assertThat(emulated.cli(app).run("list", "--retries", "0").exits(ExitCode.FAILURE).failsWithOneLine().err())
                .contains("503", "(InternalServerException)");
        assertThat(Cli.with(Map.of(ClientConfig.TOKEN, "t", ClientConfig.APP_ID, "1", ClientConfig.API_ENDPOINT,
                "http://127.0.0.1:1")).run("list", "--retries", "0", "--timeout", "2s").exits(ExitCode.FAILURE)
                .failsWithOneLine().err()).contains("(SpiceIoException)");
    }

    @Test
    void aBulkRunWithFailuresExitsOneAndReportsEachFailedSecret() throws IOException {
        long app = emulated.newApp();
        Path env = Files.writeString(dir.resolve("three.env"), "A=1\nB=2\nC=3\n");
        emulated.emulator.faults().next(1, "POST", "/v1/apps/" + app + "/secrets", Fault.status(400));

        Cli.Run run = emulated.cli(app).run("import", env.toString(), "--json", "--concurrency", "1",
                "--stop-at-first-failure", "--retries", "0");
        JsonNode result = run.exits(ExitCode.FAILURE).failsWithOneLine().json();
        assertThat(run.err()).contains("1 of 3 secrets failed: A (BadRequestException)");
        assertThat(result.get("failed").get(0).get("name").asText()).isEqualTo("A");
        assertThat(result.get("failed").get(0).get("error").asText()).isEqualTo("BadRequestException");
        assertThat(names(result.get("skipped"))).containsExactly("B", "C");
        assertThat(result.get("error").get("type").asText()).isEqualTo("BulkFailureException");
    }

    @Test
    void aRefusedSyncExitsOneAndSendsNothing() throws IOException {
        long app = emulated.newApp();
        emulated.emulator.storeSecret(app, "OLD_A", "a");
        emulated.emulator.storeSecret(app, "OLD_B", "b");
        Path env = Files.writeString(dir.resolve("new.env"), "NEW=1\n");

        Cli.Run text = emulated.cli(app).run("apply", env.toString(), "--prune", "--max-deletes", "1");
        assertThat(text.exits(ExitCode.FAILURE).failsWithOneLine().err())
                .contains("sync refused, nothing was sent", "(SyncRefusedException)");
        assertThat(text.out()).contains("- OLD_A", "Apply will be refused");
        JsonNode json = emulated.cli(app).run("apply", env.toString(), "--prune", "--max-delete-fraction", "0.4",
                "--json").exits(ExitCode.FAILURE).json();
        assertThat(json.get("error").get("reason").asText()).isEqualTo("too_many_deletes");
        assertThat(names(json.get("error").get("names"))).containsExactly("OLD_A", "OLD_B");
        assertThat(names(json.get("plan").get("delete"))).containsExactly("OLD_A", "OLD_B");
        assertThat(emulated.emulator.secretNames(app)).containsExactlyInAnyOrder("OLD_A", "OLD_B");
    }

    @Test
    void debugAddsTheStackTraceAndTheSdkLogLines() {
        Cli.Run run = emulated.cli(emulated.newApp()).run("get", "MISSING", "--debug");
        run.exits(ExitCode.FAILURE);
        assertThat(run.err()).contains("error: 404 on GET /v1/apps/", "\tat ai.spice.secrets.")
                .containsPattern("DEBUG .*GET /v1/apps/\\d+/secrets/MISSING -> 404 \\(attempt 1");
    }
}
