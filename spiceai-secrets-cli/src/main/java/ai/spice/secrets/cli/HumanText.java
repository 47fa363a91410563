package ai.spice.secrets.cli;

import ai.spice.secrets.Secret;
import ai.spice.secrets.bulk.BulkResult;
import ai.spice.secrets.bulk.SyncResult;
import ai.spice.secrets.errors.SpiceException;
import java.util.List;
import java.util.Map;

/** The text for people: names, ids, times and counts, never a value. */
final class HumanText {

    private HumanText() {
    }

    /** {@code list}: one secret per line under a header, or a line saying there are none. */
    static String secrets(long appId, List<Secret> secrets) {
        if (secrets.isEmpty()) {
            return "no secrets in app " + appId;
        }
        int nameWidth = Math.max(4, secrets.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        int idWidth = Math.max(2, secrets.stream().mapToInt(s -> Long.toString(s.id()).length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %" + idWidth + "s  %-24s  %s%n";
        StringBuilder text = new StringBuilder(String.format(format, "NAME", "ID", "CREATED", "UPDATED"));
        for (Secret secret : secrets) {
            text.append(String.format(format, secret.name(), secret.id(), secret.createdAt(), secret.updatedAt()));
        }
        return text.toString();
    }

    /** {@code get}: the metadata, one field per line. */
    static String secret(long appId, Secret secret) {
        return "name:    " + secret.name() + "\n"
                + "id:      " + secret.id() + "\n"
                + "app:     " + appId + "\n"
                + "created: " + secret.createdAt() + "\n"
                + "updated: " + secret.updatedAt() + "\n"
                + "value:   (write-only: the API never returns it)";
    }

    /** {@code set}: one line. */
    static String stored(long appId, Secret secret) {
        return "stored " + secret.name() + " (#" + secret.id() + ") in app " + appId + " at " + secret.updatedAt();
    }

    /** {@code import}: a summary line, then the failed and skipped names. */
    static String bulk(long appId, BulkResult result) {
        StringBuilder text = new StringBuilder("imported " + result.successCount() + " of " + result.total()
                + (result.total() == 1 ? " secret" : " secrets") + " into app " + appId);
        failures(text, result.failed(), result.skipped());
        return text.toString();
    }

    /** {@code apply}: what was changed, then the failed and skipped names. */
    static String applied(long appId, SyncResult result) {
        if (result.dryRun()) {
            return "dry run: nothing was sent to app " + appId;
        }
        StringBuilder text = new StringBuilder("applied to app " + appId + ": " + result.created().size()
                + " created, " + result.updated().size() + " updated, " + result.deleted().size() + " deleted");
        failures(text, result.failed(), result.skipped());
        return text.toString();
    }

    private static void failures(StringBuilder text, Map<String, SpiceException> failed, List<String> skipped) {
        failed.forEach((name, error) -> text.append("\nfailed  ").append(name).append(": ")
                .append(Failure.oneLine(error.getMessage())).append(" (").append(error.getClass().getSimpleName())
                .append(')'));
        if (!skipped.isEmpty()) {
            text.append("\nskipped ").append(String.join(", ", skipped))
                    .append(" (not attempted after a failure)");
        }
    }
}
