package ai.spice.secrets.cli;

import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.bulk.SpicepodCheck;
import ai.spice.secrets.bulk.SpicepodCheckOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code check-spicepod FILE}: will every secret reference of a spicepod resolve? */
@Command(name = "check-spicepod",
        description = {
            "Check that every secret reference of a spicepod will resolve against the app's secrets, as the Spice"
                + " runtime resolves them ($${secrets:KEY}, $${env:KEY}, the env store's upper-casing).",
            "Reports what answers each reference, the missing ones, references to undefined stores, malformed"
                + " references, and the app's secrets nothing references."
        },
        mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE + ": every reference resolves", ExitCode.FAILURE_LINE,
            ExitCode.USAGE_LINE + "; invalid YAML", ExitCode.NOT_CLEAN_LINE})
final class CheckSpicepodCommand extends AppCommand {

    @Parameters(paramLabel = "FILE", description = "The spicepod, e.g. spicepod.yaml.")
    Path file;

    @Option(names = "--available-elsewhere", paramLabel = "NAME", split = ",",
            description = "Names satisfied without an app secret: organization secrets, platform-provided ones"
                    + " (SCP_OPENAI_API_KEY). Repeatable, or comma-separated.")
    List<String> availableElsewhere = new ArrayList<>();

    @Override
    void check() {
        InputFiles.readable(file, "the spicepod");
    }

    @Override
    int run(SecretsClient client, long appId, Output output) {
        SpicepodCheck check = client.checkSpicepod(appId, file,
                SpicepodCheckOptions.builder().availableElsewhere(availableElsewhere).build());
        output.result(check.toString(), () -> Documents.check(appId, check));
        return check.isClean() ? ExitCode.OK : ExitCode.NOT_CLEAN;
    }
}
