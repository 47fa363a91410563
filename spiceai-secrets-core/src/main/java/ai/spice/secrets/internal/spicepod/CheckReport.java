package ai.spice.secrets.internal.spicepod;

import ai.spice.secrets.SecretName;
import ai.spice.secrets.bulk.SpicepodCheck.Resolution;
import ai.spice.secrets.bulk.SpicepodCheck.ResolvedReference;
import ai.spice.secrets.bulk.SpicepodCheck;
import ai.spice.secrets.bulk.SpicepodReference;
import java.util.List;

/**
 * The text of {@link SpicepodCheck#toString()}: problems first, then what needs a second look, then a summary line.
 * Names, paths and positions only. Public only for the SDK's other packages; not exported.
 */
public final class CheckReport {

    private CheckReport() {
    }

    /**
     * Renders a check.
     *
     * @param check the check
     * @return the report
     */
    public static String render(SpicepodCheck check) {
        StringBuilder text = new StringBuilder("Spicepod check of ").append(check.source()).append(": ")
                .append(check.references().size()).append(" references\n");
        if (!check.missing().isEmpty()) {
            text.append("missing (no app secret of that name or upper-cased, nothing available elsewhere):\n");
            for (String key : check.missing()) {
                ResolvedReference first = check.resolvedAs(Resolution.MISSING).stream()
                        .filter(reference -> reference.reference().key().equals(key)).findFirst().orElseThrow();
                SpicepodReference reference = first.reference();
                text.append("  ").append(key).append(" (line ").append(reference.line()).append(", ")
                        .append(reference.path()).append(')');
                if (reference.kind() == SpicepodReference.Kind.ENV) {
                    text.append(": no app secret, so ").append(reference.text())
                            .append(" must be an environment variable set some other way");
                } else if (!SecretName.isValid(key) && !SecretName.isValid(key.toUpperCase(java.util.Locale.ROOT))) {
                    text.append(": not a valid secret name, so no app can have it");
                }
                text.append('\n');
            }
        }
        section(text, "undefined stores (no secrets: entry has the name; the runtime leaves the parameter empty):",
                check.resolvedAs(Resolution.UNDEFINED_STORE), "");
        if (!check.malformed().isEmpty()) {
            text.append("malformed references (the runtime leaves them as written):\n");
            check.malformed().forEach(m -> text.append("  line ").append(m.line()).append(", column ")
                    .append(m.column()).append(": ").append(m.text()).append(": ").append(m.reason()).append('\n'));
        }
        section(text, "answered through the env store's upper-casing:",
                check.resolvedAs(Resolution.APP_SECRET_UPPERCASED), "app secret ");
        section(text, "${env:...} answered by app secrets (environment variables):",
                check.resolvedAs(Resolution.APP_SECRET).stream()
                        .filter(r -> r.reference().kind() == SpicepodReference.Kind.ENV).toList(), "app secret ");
        section(text, "available elsewhere:", check.resolvedAs(Resolution.AVAILABLE_ELSEWHERE), "");
        section(text, "in other configured stores (not checked against the app):",
                check.resolvedAs(Resolution.CONFIGURED_STORE), "");
        if (!check.unsubstituted().isEmpty()) {
            text.append("not substituted (outside params; the runtime leaves them as written):\n");
            check.unsubstituted().forEach(reference -> text.append("  ").append(reference.text())
                    .append(" (line ").append(reference.line()).append(", ").append(reference.path()).append(")\n"));
        }
        names(text, "unreferenced (in the app, not in the spicepod):", check.unreferenced());
        names(text, "unreferenceable (a spicepod key must start with a letter):", check.unreferenceable());
        return text.append(check.isClean() ? "OK" : "PROBLEMS").append(": ").append(check.missing().size())
                .append(" missing, ").append(check.resolvedAs(Resolution.UNDEFINED_STORE).size())
                .append(" undefined store, ").append(check.malformed().size()).append(" malformed, ")
                .append(check.unreferenced().size()).append(" unreferenced, ")
                .append(check.unreferenceable().size()).append(" unreferenceable").toString();
    }

    private static void section(StringBuilder text, String title, List<ResolvedReference> references,
                                String answeredBy) {
        if (references.isEmpty()) {
            return;
        }
        text.append(title).append('\n');
        for (ResolvedReference resolved : references) {
            SpicepodReference reference = resolved.reference();
            text.append("  ").append(reference.text());
            resolved.answeredBy().ifPresent(name -> text.append(" -> ").append(answeredBy).append(name));
            text.append(" (line ").append(reference.line()).append(", ").append(reference.path()).append(")\n");
        }
    }

    private static void names(StringBuilder text, String title, List<String> names) {
        if (!names.isEmpty()) {
            text.append(title).append('\n');
            names.forEach(name -> text.append("  ").append(name).append('\n'));
        }
    }
}
