package ai.spice.secrets.cli;

import ai.spice.secrets.SecretName;
import ai.spice.secrets.SecretsClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code delete NAME [--if-exists]}. */
@Command(name = "delete",
        description = "Delete a secret permanently.",
        mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE + " (also: no such secret, without --if-exists)",
            ExitCode.USAGE_LINE})
final class DeleteCommand extends AppCommand {

    @Parameters(paramLabel = "NAME", description = "The secret's name: " + SecretName.RULE)
    String name;

    @Option(names = "--if-exists", description = "Succeed when the secret does not exist (deleted: false).")
    boolean ifExists;

    @Override
    void check() {
        SecretName.requireValid(name);
    }

    @Override
    int run(SecretsClient client, long appId, Output output) {
        boolean deleted;
        if (ifExists) {
            deleted = client.deleteIfExists(appId, name);
        } else {
            client.delete(appId, name);
            deleted = true;
        }
        output.result(deleted ? "deleted " + name + " from app " + appId : name + " does not exist in app " + appId,
                () -> Documents.forApp(appId).put("name", name).put("deleted", deleted));
        return ExitCode.OK;
    }
}
