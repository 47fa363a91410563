package ai.spice.secrets.cli;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.bulk.SyncPlan;
import ai.spice.secrets.bulk.SyncResult;
import ai.spice.secrets.errors.BulkFailureException;
import ai.spice.secrets.errors.SyncRefusedException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code apply FILE.env}: make the app match a {@code .env} file. */
@Command(name = "apply",
        description = {
            "Make the app match a .env file: plan (printed first), then create and update, then delete (with --prune)"
                + " only if every write succeeded.",
            "The guardrails (--max-deletes, --max-delete-fraction, --refuse-drifted, and a re-check that the app did"
                + " not change since the plan) refuse the whole apply before anything is sent."
        },
        mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE + ": every change made (or a dry run)",
            ExitCode.FAILURE_LINE + " (refused: nothing sent; or some secrets failed: see the report)",
            ExitCode.USAGE_LINE})
final class ApplyCommand extends AppCommand {

    @Parameters(paramLabel = "FILE.env", description = "The secrets the app should have.")
    Path file;

    @Mixin
    SyncFlags sync;

    @Mixin
    BulkFlags bulk;

    @Option(names = "--dry-run", description = "Plan and print, and send no write (the plan still lists the app).")
    boolean dryRun;

    private Map<String, SecretValue> desired;

    @Override
    void check() {
        desired = readDotEnv(file);
    }

    @Override
    int run(SecretsClient client, long appId, Output output) {
        ProgressBar progress = ProgressBar.forSession(root.session(), bulk.noProgress);
        SyncPlan plan = client.plan(appId, desired, sync.options(bulk.options(progress), dryRun));
        output.text(plan.toString());
        ObjectNode document = Documents.forApp(appId).put("dry_run", dryRun);
        document.set("plan", Documents.plan(plan));
        SyncResult result;
        try {
            result = plan.apply();
        } catch (SyncRefusedException refused) {
            return output.fail(refused, document);
        } finally {
            progress.finish();
        }
        document.set("result", Documents.syncResult(result));
        output.text(HumanText.applied(appId, result));
        if (!result.failed().isEmpty()) {
            int total = result.changeCount() + result.failed().size() + result.skipped().size();
            return output.fail(new BulkFailureException(result.failed(), total), document);
        }
        output.result("", () -> document);
        return ExitCode.OK;
    }
}
