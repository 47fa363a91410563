package ai.spice.secrets.cli;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretName;
import ai.spice.secrets.SecretsClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code get NAME}: one secret's metadata. */
@Command(name = "get",
        description = "Show one secret's metadata: id and times. The value is write-only: the API never returns it.",
        mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE + " (also: no such secret)", ExitCode.USAGE_LINE})
final class GetCommand extends AppCommand {

    @Parameters(paramLabel = "NAME", description = "The secret's name: " + SecretName.RULE)
    String name;

    @Override
    void check() {
        SecretName.requireValid(name);
    }

    @Override
    int run(SecretsClient client, long appId, Output output) {
        Secret secret = client.get(appId, name);
        output.result(HumanText.secret(appId, secret),
                () -> Documents.forApp(appId).set("secret", Documents.secret(secret)));
        return ExitCode.OK;
    }
}
