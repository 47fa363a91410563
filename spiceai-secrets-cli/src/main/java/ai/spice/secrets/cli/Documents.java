package ai.spice.secrets.cli;

import ai.spice.secrets.Secret;
import ai.spice.secrets.bulk.BulkResult;
import ai.spice.secrets.bulk.MalformedReference;
import ai.spice.secrets.bulk.SpicepodCheck;
import ai.spice.secrets.bulk.SpicepodReference;
import ai.spice.secrets.bulk.SyncPlan;
import ai.spice.secrets.bulk.SyncResult;
import ai.spice.secrets.errors.SpiceException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --json} documents, all in one place so that their field names stay stable: snake_case as in the API,
 * times in ISO-8601 UTC, enum values in lower case. A document never holds a value: the SDK never has one to give
 * back, and the masked value the API answers carries no information, so it is left out.
 */
final class Documents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Documents() {
    }

    static ObjectNode forApp(long appId) {
        return NODES.objectNode().put("app_id", appId);
    }

    /** {@code {"id", "name", "created_at", "updated_at"}}. */
    static ObjectNode secret(Secret secret) {
        return NODES.objectNode().put("id", secret.id()).put("name", secret.name())
                .put("created_at", secret.createdAt().toString()).put("updated_at", secret.updatedAt().toString());
    }

    static ArrayNode secrets(Collection<Secret> secrets) {
        ArrayNode array = NODES.arrayNode();
        secrets.forEach(secret -> array.add(secret(secret)));
        return array;
    }

    static ArrayNode names(Collection<String> names) {
        ArrayNode array = NODES.arrayNode();
        names.forEach(array::add);
        return array;
    }

    /** {@code [{"name", "error", "message"}]}: each failed secret, its exception type and message. */
    static ArrayNode failures(Map<String, SpiceException> failed) {
        ArrayNode array = NODES.arrayNode();
        failed.forEach((name, error) -> array.add(NODES.objectNode().put("name", name)
                .put("error", error.getClass().getSimpleName()).put("message", Failure.oneLine(error.getMessage()))));
        return array;
    }

    /** {@code import}: {@code {"app_id", "total", "succeeded": [secret], "failed": [...], "skipped": [name]}}. */
    static ObjectNode bulk(long appId, BulkResult result) {
        ObjectNode document = forApp(appId).put("total", result.total());
        document.set("succeeded", secrets(result.succeeded().values()));
        document.set("failed", failures(result.failed()));
        document.set("skipped", names(result.skipped()));
        return document;
    }

    /**
     * {@code plan}: {@code {"has_changes", "create", "update", "delete", "unchanged", "diff": {NAME: "create" |
     * "unchanged" | "changed" | "drifted" | "unknown"}, "text"}}: {@code text} is the plan as printed for people,
     * which also says when apply will be refused.
     */
    static ObjectNode plan(SyncPlan plan) {
        ObjectNode document = NODES.objectNode().put("has_changes", plan.hasChanges());
        document.set("create", names(plan.toCreate()));
        document.set("update", names(plan.toUpdate()));
        document.set("delete", names(plan.toDelete()));
        document.set("unchanged", names(plan.unchanged()));
        ObjectNode diff = document.putObject("diff");
        plan.diff().forEach((name, kind) -> diff.put(name, lower(kind)));
        document.put("text", plan.toString());
        return document;
    }

    /** {@code apply}'s result: {@code {"created", "updated", "deleted", "failed": [...], "skipped"}}. */
    static ObjectNode syncResult(SyncResult result) {
        ObjectNode document = NODES.objectNode();
        document.set("created", names(result.created()));
        document.set("updated", names(result.updated()));
        document.set("deleted", names(result.deleted()));
        document.set("failed", failures(result.failed()));
        document.set("skipped", names(result.skipped()));
        return document;
    }

    /**
     * {@code check-spicepod}: {@code {"app_id", "source", "clean", "missing", "unreferenced", "unreferenceable",
     * "references": [...], "unsubstituted": [...], "malformed": [...]}}.
     */
    static ObjectNode check(long appId, SpicepodCheck check) {
        ObjectNode document = forApp(appId).put("source", check.source()).put("clean", check.isClean());
        document.set("missing", names(check.missing()));
        document.set("unreferenced", names(check.unreferenced()));
        document.set("unreferenceable", names(check.unreferenceable()));
        ArrayNode references = document.putArray("references");
        check.references().forEach(resolved -> references.add(reference(resolved.reference())
                .put("resolution", lower(resolved.resolution()))
                .put("answered_by", resolved.answeredBy().orElse(null))));
        ArrayNode unsubstituted = document.putArray("unsubstituted");
        check.unsubstituted().forEach(reference -> unsubstituted.add(reference(reference)));
        ArrayNode malformed = document.putArray("malformed");
        check.malformed().forEach(bad -> malformed.add(malformed(bad)));
        return document;
    }

    /** {@code {"error": {"type", "message", "exit_code", ...}}} and, for a service error, its status and ids. */
    static ObjectNode error(Failure failure) {
        ObjectNode document = NODES.objectNode();
        document.set("error", errorObject(failure));
        return document;
    }

    static ObjectNode errorObject(Failure failure) {
        ObjectNode error = NODES.objectNode().put("type", failure.type()).put("message", failure.message())
                .put("exit_code", failure.exitCode());
        failure.details().forEach((key, value) -> {
            if (value instanceof Integer number) {
                error.put(key, number);
            } else if (value instanceof List<?> list) {
                ArrayNode array = error.putArray(key);
                list.forEach(item -> array.add(String.valueOf(item)));
            } else {
                error.put(key, String.valueOf(value));
            }
        });
        return error;
    }

    private static ObjectNode reference(SpicepodReference reference) {
        return NODES.objectNode().put("text", reference.text()).put("store", reference.store())
                .put("key", reference.key()).put("kind", lower(reference.kind())).put("path", reference.path())
                .put("line", reference.line()).put("column", reference.column());
    }

    private static ObjectNode malformed(MalformedReference bad) {
        return NODES.objectNode().put("text", bad.text()).put("path", bad.path()).put("line", bad.line())
                .put("column", bad.column()).put("reason", bad.reason());
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
