package ai.spice.secrets.cli;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code list}: the app's secrets, metadata only. */
@Command(name = "list",
        description = "List the app's secrets: names, ids and times. Values are write-only: the API never returns them.",
        mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE})
final class ListCommand extends AppCommand {

    @Override
    int run(SecretsClient client, long appId, Output output) {
        List<Secret> secrets = client.list(appId);
        output.result(HumanText.secrets(appId, secrets),
                () -> Documents.forApp(appId).set("secrets", Documents.secrets(secrets)));
        return ExitCode.OK;
    }
}
