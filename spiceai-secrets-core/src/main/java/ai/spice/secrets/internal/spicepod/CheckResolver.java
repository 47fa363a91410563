package ai.spice.secrets.internal.spicepod;

import ai.spice.secrets.bulk.SpicepodCheck.Resolution;
import ai.spice.secrets.bulk.SpicepodCheck.ResolvedReference;
import ai.spice.secrets.bulk.SpicepodCheck;
import ai.spice.secrets.bulk.SpicepodReference;
import ai.spice.secrets.bulk.SpicepodReferences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What answers each reference, as a pure function of the references, the app's secret names and the names available
 * elsewhere. App secrets and names available elsewhere are environment variables; the env store
 * ({@code crates/runtime-secrets/src/stores/env.rs}) looks a key up as {@code SPICE_key}, {@code key},
 * {@code SPICE_KEY}, {@code KEY}, first found wins. Public only for the SDK's other packages; not exported.
 */
public final class CheckResolver {

    private static final String PREFIX = "SPICE_";

    private CheckResolver() {
    }

    /**
     * Checks the references.
     *
     * @param spicepod           the references
     * @param appSecretNames     the app's secret names
     * @param availableElsewhere names satisfied without an app secret
     * @return the report
     */
    public static SpicepodCheck check(SpicepodReferences spicepod, Collection<String> appSecretNames,
                                      Set<String> availableElsewhere) {
        Set<String> app = new LinkedHashSet<>(appSecretNames);
        List<ResolvedReference> resolved = new ArrayList<>();
        for (SpicepodReference reference : spicepod.references()) {
            resolved.add(resolve(reference, spicepod.readsEnvironment(), app, availableElsewhere));
        }
        Set<String> answering = new HashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        for (ResolvedReference reference : resolved) {
            switch (reference.resolution()) {
                case APP_SECRET, APP_SECRET_UPPERCASED -> reference.answeredBy().ifPresent(answering::add);
                case MISSING -> missing.add(reference.reference().key());
                default -> {
                }
            }
        }
        return new SpicepodCheck(spicepod.source(), resolved, List.copyOf(missing),
                app.stream().filter(name -> SecretLexer.isIdentifier(name) && !answering.contains(name)).toList(),
                app.stream().filter(name -> !SecretLexer.isIdentifier(name)).toList(),
                spicepod.unsubstituted(), spicepod.malformed());
    }

    private static ResolvedReference resolve(SpicepodReference reference, boolean readsEnvironment, Set<String> app,
                                             Set<String> elsewhere) {
        return switch (reference.kind()) {
            case SECRETS -> readsEnvironment ? fromEnvironment(reference, app, elsewhere)
                    : elsewhere.contains(reference.key())
                    ? answered(reference, Resolution.AVAILABLE_ELSEWHERE, reference.key())
                    : unanswered(reference, Resolution.CONFIGURED_STORE);
            case ENV -> fromEnvironment(reference, app, elsewhere);
            case STORE -> unanswered(reference, Resolution.CONFIGURED_STORE);
            case UNDEFINED_STORE -> unanswered(reference, Resolution.UNDEFINED_STORE);
        };
    }

    private static ResolvedReference fromEnvironment(SpicepodReference reference, Set<String> app,
                                                     Set<String> elsewhere) {
        String key = reference.key();
        String upper = key.toUpperCase(Locale.ROOT);
        for (String variant : new LinkedHashSet<>(List.of(PREFIX + key, key, PREFIX + upper, upper))) {
            if (app.contains(variant)) {
                boolean asWritten = variant.equals(key) || variant.equals(PREFIX + key);
                return answered(reference, asWritten ? Resolution.APP_SECRET : Resolution.APP_SECRET_UPPERCASED,
                        variant);
            }
            if (elsewhere.contains(variant)) {
                return answered(reference, Resolution.AVAILABLE_ELSEWHERE, variant);
            }
        }
        return unanswered(reference, Resolution.MISSING);
    }

    private static ResolvedReference answered(SpicepodReference reference, Resolution resolution, String name) {
        return new ResolvedReference(reference, resolution, Optional.of(name));
    }

    private static ResolvedReference unanswered(SpicepodReference reference, Resolution resolution) {
        return new ResolvedReference(reference, resolution, Optional.empty());
    }
}
