package ai.spice.secrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's {@code --help} documents each of its options (the global ones too) and its exit codes. */
class HelpTest {

    private static CommandLine commandLine() {
        Session session = new Session(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of(), Terminal.NONE);
        return Main.commandLine(new SpiceSecretsCommand(session));
    }

    static Stream<String> commands() {
        return commandLine().getSubcommands().keySet().stream();
    }

    @Test
    void theCommandsAreThoseOfTheIssue() {
        assertThat(commandLine().getSubcommands().keySet())
                .containsExactly("list", "get", "set", "delete", "import", "plan", "apply", "check-spicepod");
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void helpDocumentsEveryOptionAndTheExitCodes(String name) {
        CommandLine command = commandLine().getSubcommands().get(name);
        String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);

        for (OptionSpec option : command.getCommandSpec().options()) {
            assertThat(help).as("%s --help", name).contains(option.longestName());
            assertThat(option.description()).as("%s %s", name, option.longestName()).isNotEmpty();
        }
        assertThat(help).contains("Exit codes:", "0   success", "1   failure", "2   usage error");
        assertThat(help.contains("3   changes pending")).isEqualTo(name.equals("plan"));
        assertThat(help.contains("4   not clean")).isEqualTo(name.equals("check-spicepod"));
    }

    @Test
    void theTopHelpListsEveryExitCodeAndVariable() {
        String help = commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(help).contains("0   success", "1   failure", "2   usage error", "3   changes pending",
                "4   not clean");
        assertThat(help).contains(ClientConfig.APP_ID, ClientConfig.TOKEN, ClientConfig.CLIENT_ID,
                ClientConfig.CLIENT_SECRET, ClientConfig.API_ENDPOINT, ClientConfig.OAUTH_ENDPOINT, ClientConfig.ORG,
                "SPICE_SYNC_LEDGER_KEY");
    }
}
