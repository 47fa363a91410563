package ai.spice.secrets.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line picocli cannot parse: one {@code error:} line on standard error, exit code
 * {@link ExitCode#USAGE}, no stack trace (a parse error has nothing to trace, and picocli's messages quote what was
 * typed), and with {@code --json} the error document.
 *
 * <p>The line never repeats an argument the CLI could not place: an unexpected positional or an unknown option's
 * value may be a secret typed where it does not belong ({@code spice-secrets set NAME s3cr3t}). Picocli's messages
 * quote such arguments, so each argument that is not an option or command name is replaced in them.
 */
final class ParseErrors implements IParameterExceptionHandler {

    static final String NOT_SHOWN = "(not shown)";

    private static final Pattern OPTION_NAME = Pattern.compile("--[a-z][a-z0-9-]{0,40}");

    private final Session session;

    ParseErrors(Session session) {
        this.session = session;
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        boolean json = Arrays.asList(args).contains("--json");
        String help = error.getCommandLine().getCommandSpec().qualifiedName();
        return new Output(session, json, false)
                .usage(Failure.usage(message(error, args) + " (see '" + help + " --help')"));
    }

    static String message(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        if (error instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched, command);
        }
        return sentence(redact(error.getMessage(), args, knownNames(root(command))));
    }

    /** Picocli's "Error: Invalid value ..." as "invalid value ...", to read like the CLI's other lines. */
    private static String sentence(String message) {
        String text = message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
        return text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))
                ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }

    private static String unmatched(UnmatchedArgumentException error, CommandLine command) {
        List<String> rest = error.getUnmatched();
        String first = rest.isEmpty() ? "" : rest.get(0);
        String suggestions = error.getSuggestions().isEmpty() ? ""
                : "; did you mean " + String.join(" or ", error.getSuggestions()) + "?";
        if (error.isUnknownOption()) {
            String name = first.split("=", 2)[0];
            return (OPTION_NAME.matcher(name).matches() ? "unknown option " + name
                    : "an unknown option, not repeated here: it could be a value") + suggestions;
        }
        if (command.getParent() == null) {
            return "unknown command: the first argument must be one of "
                    + String.join(", ", command.getSubcommands().keySet()) + suggestions;
        }
        if ("set".equals(command.getCommandName())) {
            return "set takes one NAME and never a value on the command line, where shell history and ps would keep"
                    + " it: use --from-file FILE, --from-env VAR or standard input";
        }
        return "unexpected argument, not repeated here: " + command.getCommandName() + " takes no more";
    }

    /** Replaces in {@code message} each argument that is neither an option nor a command name. */
    static String redact(String message, String[] args, Set<String> known) {
        Set<String> candidates = new HashSet<>();
        for (String arg : args) {
            candidates.add(arg);
            int equals = arg.indexOf('=');
            if (arg.startsWith("-") && equals > 0) {
                candidates.add(arg.substring(0, equals));
                candidates.add(arg.substring(equals + 1));
            }
        }
        candidates.removeAll(known);
        candidates.remove("");
        String redacted = message;
        for (String candidate : candidates.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            redacted = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(candidate) + "(?![A-Za-z0-9_-])")
                    .matcher(redacted).replaceAll(Matcher.quoteReplacement(NOT_SHOWN));
        }
        return redacted;
    }

    private static CommandLine root(CommandLine command) {
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root;
    }

    private static Set<String> knownNames(CommandLine command) {
        Set<String> names = new HashSet<>();
        CommandSpec spec = command.getCommandSpec();
        names.add(spec.name());
        names.addAll(Arrays.asList(spec.aliases()));
        for (OptionSpec option : spec.options()) {
            names.addAll(Arrays.asList(option.names()));
        }
        command.getSubcommands().values().forEach(sub -> names.addAll(knownNames(sub)));
        return names;
    }
}
