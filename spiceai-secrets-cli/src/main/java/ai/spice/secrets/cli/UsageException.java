package ai.spice.secrets.cli;

/**
 * A mistake on the command line or in its input that the CLI finds itself: exit code {@link ExitCode#USAGE}. The
 * message names options, files and variables, never a value.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
