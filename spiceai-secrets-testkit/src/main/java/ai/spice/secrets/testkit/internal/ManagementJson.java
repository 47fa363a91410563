package ai.spice.secrets.testkit.internal;

import ai.spice.secrets.testkit.OrgRole;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The wire shapes of the routes around secrets: health, apps (projects), organizations and organization secrets.
 * Apps carry the fields Spice's official clients read (the Terraform provider, the CLI, the skill scripts), with
 * fixed values where the emulator has no real counterpart: one region, a managed kind, never paused.
 */
final class ManagementJson {

    static final String REGION = "us-west-2";
    static final String CNAME = "us-west-2-prod-aws-data";

    private ManagementJson() {}

    static ObjectNode health(Instant now) {
        return Json.object().put("status", "ok").put("timestamp", Json.timestamp(now));
    }

    /**
     * @param org        the handle of the app's organization, or empty to leave {@code org} out
     * @param withConfig whether to add {@code config} (single-app answers do; list items do not)
     */
    static ObjectNode app(StoredApp app, String org, boolean withConfig) {
        ObjectNode node = Json.object().put("id", app.id()).put("name", app.name());
        if (!org.isEmpty()) {
            node.put("org", org);
        }
        node.put("visibility", "private")
                .put("created_at", Json.timestamp(app.createdAt()))
                .put("cname", CNAME)
                .put("region", REGION)
                .put("kind", "managed")
                .putNull("paused_at");
        if (withConfig) {
            ObjectNode config = node.putObject("config");
            // An object, never a YAML string (the CLI decodes it into a map); empty: the emulator deploys nothing.
            config.putObject("spicepod");
            config.put("region", REGION);
        }
        return node;
    }

    /** A list of apps under the key the prefix uses: {@code apps} or {@code projects}. */
    static ObjectNode appList(String key, List<ObjectNode> apps) {
        ObjectNode body = Json.object();
        body.putArray(key).addAll(apps);
        return body;
    }

    static ObjectNode org(OrgDirectory.Org org, OrgRole role) {
        return Json.object().put("id", org.id()).put("name", org.handle()).put("role", role.wireName());
    }

    static ObjectNode orgList(List<ObjectNode> orgs) {
        ObjectNode body = Json.object();
        body.putArray("orgs").addAll(orgs);
        return body;
    }

    private static ObjectNode orgSecret(OrgSecretStore.Item item) {
        return Json.object()
                .put("name", item.name())
                .put("created_at", Json.timestamp(item.createdAt()))
                .put("updated_at", Json.timestamp(item.updatedAt()));
    }

    /** A list of organization secrets under {@code secrets} (an organization's) or {@code org_secrets} (linked). */
    static ObjectNode orgSecretList(String key, List<OrgSecretStore.Item> items) {
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray(key);
        items.forEach(item -> array.add(orgSecret(item)));
        return body;
    }
}
