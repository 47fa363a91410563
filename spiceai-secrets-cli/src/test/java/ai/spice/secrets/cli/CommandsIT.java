package ai.spice.secrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.testkit.ClientCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Each command against the emulator, as a pipeline step runs it: text by default, {@code --json} parsed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsIT {

    private final Emulated emulated = new Emulated();

    @TempDir
    Path dir;

    @AfterAll
    void close() {
        emulated.close();
    }

    @Test
    void listAndGetShowMetadataAndNeverAValue() {
        long app = emulated.newApp();
        emulated.emulator.storeSecret(app, "DATABASE_URL", "postgres://db/orders");
        emulated.emulator.storeSecret(app, "OPENAI_API_KEY", "sk-listed");
        Cli cli = emulated.cli(app);

        Cli.Run text = cli.run("list").exits(ExitCode.OK);
        assertThat(text.out()).startsWith("NAME").contains("DATABASE_URL", "OPENAI_API_KEY")
                .doesNotContain("postgres://db/orders", "sk-listed", "*");
        assertThat(text.err()).isEmpty();

        JsonNode list = cli.run("--json", "list").exits(ExitCode.OK).json();
        assertThat(list.get("app_id").asLong()).isEqualTo(app);
        assertThat(list.get("secrets")).extracting(secret -> secret.get("name").asText())
                .containsExactlyInAnyOrder("DATABASE_URL", "OPENAI_API_KEY");
        assertThat(fieldNames(list.get("secrets").get(0))).containsExactly("id", "name", "created_at", "updated_at");

        JsonNode get = cli.run("get", "DATABASE_URL", "--json").exits(ExitCode.OK).json();
        assertThat(get.get("secret").get("name").asText()).isEqualTo("DATABASE_URL");
        assertThat(get.get("secret").get("updated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(cli.run("get", "DATABASE_URL").exits(ExitCode.OK).out())
                .contains("name:    DATABASE_URL", "write-only").doesNotContain("postgres://db/orders");
    }

    @Test
    void setTakesTheValueFromAFileAVariableOrStandardInput() throws IOException {
        long app = emulated.newApp();
        Cli cli = emulated.cli(app).env("PG_PASSWORD", "from-the-environment");
        Path file = Files.writeString(dir.resolve("value.txt"), "from-a-file\n");

        assertThat(cli.run("set", "FROM_FILE", "--from-file", file.toString()).exits(ExitCode.OK).out())
                .startsWith("stored FROM_FILE (#");
        JsonNode fromEnv = cli.run("set", "FROM_ENV", "--from-env", "PG_PASSWORD", "--json").exits(ExitCode.OK).json();
        assertThat(fromEnv.get("secret").get("name").asText()).isEqualTo("FROM_ENV");
        cli.stdin("piped-in\n").run("set", "PIPED").exits(ExitCode.OK);
        cli.stdin("kept\r\n").run("set", "KEPT", "--stdin", "--keep-newline").exits(ExitCode.OK);
        cli.stdin("").run("set", "EMPTY", "--stdin", "--allow-empty").exits(ExitCode.OK);

        assertThat(emulated.emulator.storedValue(app, "FROM_FILE")).hasValue("from-a-file");
        assertThat(emulated.emulator.storedValue(app, "FROM_ENV")).hasValue("from-the-environment");
        assertThat(emulated.emulator.storedValue(app, "PIPED")).hasValue("piped-in");
        assertThat(emulated.emulator.storedValue(app, "KEPT")).hasValue("kept\r\n");
        assertThat(emulated.emulator.storedValue(app, "EMPTY")).hasValue("");
    }

    @Test
    void deleteFailsOnAMissingSecretUnlessIfExists() {
        long app = emulated.newApp();
        emulated.emulator.storeSecret(app, "OLD_KEY", "old");
        Cli cli = emulated.cli(app);

        assertThat(cli.run("delete", "OLD_KEY").exits(ExitCode.OK).out()).isEqualTo("deleted OLD_KEY from app " + app + "\n");
        JsonNode again = cli.run("delete", "OLD_KEY", "--if-exists", "--json").exits(ExitCode.OK).json();
        assertThat(again.get("deleted").asBoolean()).isFalse();
        assertThat(again.get("name").asText()).isEqualTo("OLD_KEY");
        cli.run("delete", "OLD_KEY").exits(ExitCode.FAILURE).failsWithOneLine();
        assertThat(emulated.emulator.secretNames(app)).isEmpty();
    }

    @Test
    void importStoresEveryEntryOfTheFile() throws IOException {
        long app = emulated.newApp();
        Path env = Files.writeString(dir.resolve("prod.env"), """
                # comment
                export DATABASE_URL=postgres://db/prod
                OPENAI_API_KEY='sk-import'
                MULTI="line one
                line two"
                """);

        Cli.Run run = emulated.cli(app).run("import", env.toString(), "--json", "--concurrency", "2");
        JsonNode result = run.exits(ExitCode.OK).json();
        assertThat(run.err()).as("no progress bar without a terminal").isEmpty();
        assertThat(result.get("total").asInt()).isEqualTo(3);
        assertThat(result.get("succeeded")).extracting(secret -> secret.get("name").asText())
                .containsExactly("DATABASE_URL", "OPENAI_API_KEY", "MULTI");
        assertThat(result.get("failed")).isEmpty();
        assertThat(result.get("skipped")).isEmpty();
        assertThat(emulated.emulator.storedValue(app, "MULTI")).hasValue("line one\nline two");
        assertThat(emulated.cli(app).run("import", env.toString()).exits(ExitCode.OK).out())
                .isEqualTo("imported 3 of 3 secrets into app " + app + "\n");
    }

    @Test
    void planExitsThreeWhenChangesArePendingAndApplyMakesThem() throws IOException {
        long app = emulated.newApp();
        emulated.emulator.storeSecret(app, "OLD_KEY", "old");
        emulated.emulator.storeSecret(app, "PROD_KEEP", "kept");
        Path env = Files.writeString(dir.resolve("desired.env"), "A=alpha-value\nB=beta-value\n");
        Path ledger = dir.resolve("ledger.json");
        Cli cli = emulated.cli(app);

        JsonNode plan = cli.run("plan", env.toString(), "--prune", "--protect", "PROD_*", "--json")
                .exits(ExitCode.CHANGES_PENDING).json();
        assertThat(plan.get("has_changes").asBoolean()).isTrue();
        assertThat(names(plan.get("create"))).containsExactly("A", "B");
        assertThat(names(plan.get("delete"))).containsExactly("OLD_KEY");
        assertThat(plan.get("diff").get("A").asText()).isEqualTo("create");
        assertThat(plan.get("text").asText()).contains("+ A", "- OLD_KEY", "! PROD_KEEP");

        assertThat(cli.run("apply", env.toString(), "--prune", "--dry-run").exits(ExitCode.OK).out())
                .contains("+ A", "dry run: nothing was sent");
        assertThat(emulated.emulator.secretNames(app)).containsExactlyInAnyOrder("OLD_KEY", "PROD_KEEP");

        JsonNode applied = cli.run("apply", env.toString(), "--prune", "--protect", "PROD_*", "--ledger",
                ledger.toString(), "--json").exits(ExitCode.OK).json();
        assertThat(applied.get("dry_run").asBoolean()).isFalse();
        assertThat(names(applied.get("result").get("created"))).containsExactly("A", "B");
        assertThat(names(applied.get("result").get("deleted"))).containsExactly("OLD_KEY");
        assertThat(applied.has("error")).isFalse();
        assertThat(emulated.emulator.secretNames(app)).containsExactlyInAnyOrder("A", "B", "PROD_KEEP");

        Cli.Run unchanged = cli.run("plan", env.toString(), "--ledger", ledger.toString()).exits(ExitCode.OK);
        assertThat(unchanged.out()).contains("= A", "= B", "0 to create, 0 to update, 0 to delete");
        assertThat(Files.readString(ledger)).contains("\"A\"").doesNotContain("alpha-value", "beta-value");
    }

    @Test
    void checkSpicepodExitsFourWhenAReferenceWillNotResolve() throws IOException {
        long app = emulated.newApp();
        emulated.emulator.storeSecret(app, "OPENAI_API_KEY", "sk-check");
        emulated.emulator.storeSecret(app, "UNUSED_KEY", "unused");
        Path spicepod = Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: shop
                models:
                  - from: openai:gpt-4o
                    name: assistant
                    params:
                      openai_api_key: ${ secrets:OPENAI_API_KEY }
                      fallback_key: ${secrets:SCP_OPENAI_API_KEY}
                """);
        Cli cli = emulated.cli(app);

        JsonNode check = cli.run("check-spicepod", spicepod.toString(), "--json").exits(ExitCode.NOT_CLEAN).json();
        assertThat(check.get("clean").asBoolean()).isFalse();
        assertThat(names(check.get("missing"))).containsExactly("SCP_OPENAI_API_KEY");
        assertThat(names(check.get("unreferenced"))).containsExactly("UNUSED_KEY");
        JsonNode first = check.get("references").get(0);
        assertThat(first.get("text").asText()).isEqualTo("${secrets:OPENAI_API_KEY}");
        assertThat(first.get("resolution").asText()).isEqualTo("app_secret");
        assertThat(first.get("answered_by").asText()).isEqualTo("OPENAI_API_KEY");
        assertThat(first.get("line").asInt()).isEqualTo(8);

        assertThat(cli.run("check-spicepod", spicepod.toString(), "--available-elsewhere", "SCP_OPENAI_API_KEY")
                .exits(ExitCode.OK).out()).contains("UNUSED_KEY");
    }

    @Test
    void globalOptionsGoBeforeOrAfterTheCommandAndOverrideTheEnvironment() throws IOException {
        long app = emulated.newApp();
        long other = emulated.newApp();
        emulated.emulator.storeSecret(app, "MINE", "x");
        Path tokenFile = Files.writeString(dir.resolve("token"), emulated.token + "\n");
        Cli cli = Cli.with(Map.of(ClientConfig.API_ENDPOINT, "http://127.0.0.1:1", ClientConfig.APP_ID,
                Long.toString(other), ClientConfig.TOKEN, "not-the-token"));
        String url = emulated.emulator.baseUrl().toString();

        JsonNode before = cli.run("--app", Long.toString(app), "--api-url", url, "--token-file", tokenFile.toString(),
                "--json", "list").exits(ExitCode.OK).json();
        JsonNode after = cli.run("list", "--json", "--app=" + app, "--api-url=" + url,
                "--token-file=" + tokenFile).exits(ExitCode.OK).json();
        assertThat(before).isEqualTo(after);
        assertThat(before.get("secrets")).extracting(secret -> secret.get("name").asText()).containsExactly("MINE");
    }

    @Test
    void clientCredentialsComeFromTheEnvironmentAsFromEnvReadsThem() {
        long app = emulated.newApp();
        ClientCredentials client = emulated.emulator.registerClient("secrets:read");
        Cli cli = Cli.with(Map.of(ClientConfig.API_ENDPOINT, emulated.emulator.baseUrl().toString(),
                ClientConfig.OAUTH_ENDPOINT, emulated.emulator.tokenUrl().toString(),
                ClientConfig.CLIENT_ID, client.clientId(), ClientConfig.CLIENT_SECRET, client.clientSecret(),
                ClientConfig.APP_ID, Long.toString(app)));

        assertThat(cli.run("list").exits(ExitCode.OK).out()).isEqualTo("no secrets in app " + app + "\n");
    }

    @Test
    void versionAndHelpExitZero() {
        Cli cli = Cli.with(Map.of());
        assertThat(cli.run("--version").exits(ExitCode.OK).out()).startsWith("spice-secrets 0.");
        assertThat(cli.run("plan", "--help").exits(ExitCode.OK).out())
                .contains("Usage: spice-secrets plan", "--prune", "--app=ID", "Exit codes:", "3   changes pending");
    }

    /** The strings of a JSON array of names. */
    static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
