package ai.spice.secrets.cli;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.bulk.BulkOptions;
import ai.spice.secrets.bulk.SyncPlan;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code plan FILE.env}: what {@code apply} would change, sending no write. */
@Command(name = "plan",
        description = {
            "Show what apply would change to make the app match a .env file, and send no write (one list request).",
            "+ NAME create, ~ NAME update ((changed) or (drifted) with --ledger), = NAME unchanged, - NAME delete"
                + " (with --prune), ! NAME kept by --protect or --keep-referenced-by. Values are write-only, so"
                + " without --ledger every existing secret is updated.",
            "Exit code 3 when something would change, as terraform plan -detailed-exitcode does with 2 (2 is a"
                + " usage error here). In a script: spice-secrets plan f.env || [ $? -eq 3 ]"
        },
        mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE + ": nothing would change", ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE,
            ExitCode.CHANGES_PENDING_LINE})
final class PlanCommand extends AppCommand {

    @Parameters(paramLabel = "FILE.env", description = "The secrets the app should have.")
    Path file;

    @Mixin
    SyncFlags sync;

    private Map<String, SecretValue> desired;

    @Override
    void check() {
        desired = readDotEnv(file);
    }

    @Override
    int run(SecretsClient client, long appId, Output output) {
        SyncPlan plan = client.plan(appId, desired, sync.options(BulkOptions.defaults(), false));
        output.result(plan.toString(), () -> Documents.forApp(appId).setAll(Documents.plan(plan)));
        return plan.hasChanges() ? ExitCode.CHANGES_PENDING : ExitCode.OK;
    }
}
