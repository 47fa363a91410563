package ai.spice.secrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.testkit.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary value, a canary token and a canary client secret run through every command, every way of giving a value,
 * failures while the value is in flight, and the value typed where it does not belong; with {@code --debug} (stack
 * traces and the SDK's log lines) and {@code --json}. Then every run's standard output and error is searched: none
 * may hold a canary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanaryIT {

    private static final String VALUE = "canary-value-7f3e9a1c5b";
    private static final String TOKEN = "spice_canary_token_d41d8cd98f";
    private static final String CLIENT_SECRET = "canary-client-secret-0cc175b9c0";

    private final Emulated emulated = new Emulated();
    private final List<Cli.Run> runs = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterAll
    void close() {
        emulated.close();
    }

    @Test
    void noCanaryInAnyOutputOrError() throws IOException {
        long app = emulated.newApp();
        Cli cli = emulated.cli(app).env("CANARY_VAR", VALUE);
        Path valueFile = Files.writeString(dir.resolve("value"), VALUE + "\n");
        Path env = Files.writeString(dir.resolve("canary.env"), "FIRST=" + VALUE + "\nSECOND=\"" + VALUE + "\"\n");
        Path ledger = dir.resolve("ledger.json");
        Path spicepod = Files.writeString(dir.resolve("spicepod.yaml"), "params:\n  key: ${secrets:FIRST}\n");

        // every way in, with the SDK's DEBUG lines and stack traces on
        expect(ExitCode.OK, cli.run("set", "FROM_FILE", "--from-file", valueFile.toString(), "--debug", "--json"));
        expect(ExitCode.OK, cli.run("set", "FROM_ENV", "--from-env", "CANARY_VAR", "--debug"));
        expect(ExitCode.OK, cli.stdin(VALUE).run("set", "FROM_STDIN", "--debug", "--json"));
        assertThat(emulated.emulator.storedValue(app, "FROM_FILE")).hasValue(VALUE);
        assertThat(emulated.emulator.storedValue(app, "FROM_ENV")).hasValue(VALUE);
        assertThat(emulated.emulator.storedValue(app, "FROM_STDIN")).hasValue(VALUE);
        expect(ExitCode.FAILURE, cli.run("apply", env.toString(), "--prune", "--max-deletes", "0", "--debug"));
        expect(ExitCode.OK, cli.run("import", env.toString(), "--debug", "--json"));
        expect(ExitCode.CHANGES_PENDING, cli.run("plan", env.toString(), "--debug", "--json", "--prune"));
        expect(ExitCode.OK, cli.run("apply", env.toString(), "--prune", "--ledger", ledger.toString(), "--debug"));
        expect(ExitCode.OK, cli.run("plan", env.toString(), "--ledger", ledger.toString(), "--debug"));
        expect(ExitCode.OK, cli.run("list", "--debug", "--json"));
        expect(ExitCode.OK, cli.run("get", "FIRST", "--debug"));
        expect(ExitCode.OK, cli.run("check-spicepod", spicepod.toString(), "--debug", "--json"));
        expect(ExitCode.OK, cli.run("delete", "SECOND", "--debug"));
        assertThat(emulated.emulator.storedValue(app, "FIRST")).hasValue(VALUE);

        // failures while the value is in flight
        emulated.emulator.faults().next(2, "POST", "/v1/apps/" + app + "/secrets", Fault.status(500));
        expect(ExitCode.FAILURE, cli.run("import", env.toString(), "--retries", "0", "--debug", "--json"));
        emulated.emulator.faults().next(3, "POST", "/v1/apps/" + app + "/secrets", Fault.reset());
        expect(ExitCode.FAILURE, cli.run("set", "RESET", "--from-env", "CANARY_VAR", "--retries", "2", "--debug"));
        Path large = Files.writeString(dir.resolve("large"), VALUE + "x".repeat(1_100_000));
        expect(ExitCode.USAGE, cli.run("set", "LARGE", "--from-file", large.toString(), "--debug", "--json"));

        // the value typed where it does not belong
        expect(ExitCode.USAGE, cli.run("set", "TYPED", VALUE, "--debug"));
        expect(ExitCode.USAGE, cli.run("set", "TYPED", "--value=" + VALUE, "--json"));
        expect(ExitCode.USAGE, cli.run("set", "TYPED", "-" + VALUE));
        expect(ExitCode.USAGE, cli.run(VALUE, "--json"));
        expect(ExitCode.USAGE, cli.run("list", "--json=" + VALUE));
        expect(ExitCode.USAGE, cli.run("list", "--timeout=" + VALUE, "--debug"));
        expect(ExitCode.USAGE, cli.run("apply", env.toString(), "extra", VALUE));

        // a canary token and client secret, refused by the service
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
        Cli badToken = emulated.cli(app).env(ClientConfig.TOKEN, TOKEN);
        expect(ExitCode.FAILURE, badToken.run("list", "--debug", "--json"));
        expect(ExitCode.FAILURE, emulated.cli(app).run("get", "FIRST", "--token-file", tokenFile.toString(), "--debug"));
        expect(ExitCode.FAILURE, emulated.cli(app).env("MY_TOKEN", TOKEN).run("check-spicepod", spicepod.toString(),
                "--token-env", "MY_TOKEN", "--debug"));
        Cli badClient = Cli.with(Map.of(ClientConfig.API_ENDPOINT, emulated.emulator.baseUrl().toString(),
                ClientConfig.OAUTH_ENDPOINT, emulated.emulator.tokenUrl().toString(), ClientConfig.APP_ID,
                Long.toString(app), ClientConfig.CLIENT_ID, "emu_client_unknown", ClientConfig.CLIENT_SECRET,
                CLIENT_SECRET));
        expect(ExitCode.FAILURE, badClient.run("import", env.toString(), "--debug", "--json"));

        assertThat(runs).hasSizeGreaterThanOrEqualTo(24);
        for (Cli.Run run : runs) {
            assertThat(run.out() + run.err()).as("output of %s", run.args())
                    .doesNotContain(VALUE, TOKEN, CLIENT_SECRET);
        }
        assertThat(Files.readString(ledger)).doesNotContain(VALUE);
    }

    private void expect(int exitCode, Cli.Run run) {
        runs.add(run);
        run.exits(exitCode);
    }
}
