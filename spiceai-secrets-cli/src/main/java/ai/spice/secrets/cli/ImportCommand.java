package ai.spice.secrets.cli;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.bulk.BulkResult;
import ai.spice.secrets.errors.BulkFailureException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code import FILE.env}: create or update every secret of a {@code .env} file (a bulk upsert). */
@Command(name = "import",
        description = {
            "Create or update every secret of a .env file; deletes nothing (see apply --prune).",
            "Every name is checked before anything is sent; each secret is retried on its own. Not atomic: a failed"
                + " secret does not undo the others."
        },
        mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE + ": every secret stored",
            ExitCode.FAILURE_LINE + " (some secrets failed: see the report)", ExitCode.USAGE_LINE})
final class ImportCommand extends AppCommand {

    @Parameters(paramLabel = "FILE.env", description = "KEY=value lines; comments, quotes and export are understood.")
    Path file;

    @Mixin
    BulkFlags bulk;

    private Map<String, SecretValue> secrets;

    @Override
    void check() {
        secrets = readDotEnv(file);
    }

    @Override
    int run(SecretsClient client, long appId, Output output) {
        ProgressBar progress = ProgressBar.forSession(root.session(), bulk.noProgress);
        BulkResult result;
        try {
            result = client.upsertAll(appId, secrets, bulk.options(progress));
        } finally {
            progress.finish();
        }
        if (result.failed().isEmpty()) {
            output.result(HumanText.bulk(appId, result), () -> Documents.bulk(appId, result));
            return ExitCode.OK;
        }
        output.text(HumanText.bulk(appId, result));
        return output.fail(new BulkFailureException(result.failed(), result.total()), Documents.bulk(appId, result));
    }
}
