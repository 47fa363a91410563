package ai.spice.secrets.cli;

import ai.spice.secrets.errors.BulkFailureException;
import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceServiceException;
import ai.spice.secrets.errors.SyncRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a failed run reports: its exit code, a type and a one-line message. The one place where exceptions become
 * exit codes: a caller mistake (the SDK's {@link IllegalArgumentException}s: invalid name, malformed {@code .env} or
 * spicepod, oversized value, bad URL; an unreadable file; the CLI's own {@link UsageException}) is
 * {@link ExitCode#USAGE}, anything the service, the network or the ledger answered is {@link ExitCode#FAILURE}.
 *
 * <p>Messages are the SDK's own, which never hold a value, a token or a body, and the CLI's, which name options,
 * files and variables only.
 *
 * @param exitCode the exit code
 * @param type     the exception's simple name, or {@code UsageError} for the CLI's own checks
 * @param message  one line
 * @param details  more fields for the JSON error document (status, code, request id, refusal reason, names)
 */
record Failure(int exitCode, String type, String message, Map<String, Object> details) {

    static final String USAGE_TYPE = "UsageError";

    static Failure usage(String message) {
        return new Failure(ExitCode.USAGE, USAGE_TYPE, oneLine(message), Map.of());
    }

    static Failure of(Throwable error) {
        if (error instanceof UsageException) {
            return usage(error.getMessage());
        }
        if (error instanceof UncheckedIOException io) {
            IOException cause = io.getCause();
            return new Failure(ExitCode.USAGE, USAGE_TYPE, oneLine(io.getMessage() + ": " + InputFiles.reason(cause)),
                    Map.of());
        }
        if (error instanceof IllegalArgumentException) {
            return new Failure(ExitCode.USAGE, type(error), text(error), Map.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (error instanceof SpiceServiceException service) {
            details.put("status", service.statusCode());
            service.errorCode().ifPresent(code -> details.put("code", code));
            service.requestId().ifPresent(id -> details.put("request_id", id));
        } else if (error instanceof SyncRefusedException refused) {
            details.put("reason", Documents.lower(refused.reason()));
            details.put("names", refused.names());
        } else if (error instanceof BulkFailureException bulk) {
            details.put("names", List.copyOf(bulk.failures().keySet()));
        }
        if (error instanceof SpiceException) {
            return new Failure(ExitCode.FAILURE, type(error), text(error), details);
        }
        return new Failure(ExitCode.FAILURE, type(error), "unexpected error: " + text(error), details);
    }

    /** The line written to standard error: {@code error: <message> (<type>)}. */
    String line() {
        return "error: " + message + (USAGE_TYPE.equals(type) ? "" : " (" + type + ")");
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String type(Throwable error) {
        return error.getClass().getSimpleName();
    }

    private static String text(Throwable error) {
        return error.getMessage() == null ? type(error) : oneLine(error.getMessage());
    }
}
