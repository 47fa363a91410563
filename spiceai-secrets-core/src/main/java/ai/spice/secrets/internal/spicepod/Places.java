package ai.spice.secrets.internal.spicepod;

import java.util.List;
import java.util.Set;

/**
 * Where in a spicepod the runtime substitutes secrets, as a pure function of a scalar's path. The runtime substitutes
 * the values of component parameter maps ({@code get_params_with_secrets}: {@code params} of datasets, views,
 * catalogs, models, embeddings, tools and workers, a dataset's {@code acceleration.params}, a vector or search store's
 * {@code params}, a catalog's {@code dataset_params}), a tool's {@code env}, and the four {@code runtime.tls} fields;
 * a secret store's own {@code params} only against the environment, at bootstrap. Keys are never substituted, nor is
 * anything else (names, {@code from}, {@code metadata}, descriptions).
 */
final class Places {

    /** How the runtime treats a scalar. */
    enum Place {
        /** Substituted with every configured store. */
        SUBSTITUTED,
        /** A secret store's params: substituted from the environment only, before any store is loaded. */
        BOOTSTRAP,
        /** Left as written. */
        NOT_SUBSTITUTED
    }

    private static final Set<String> PARAM_MAPS = Set.of("params", "dataset_params");
    private static final Set<String> TLS_FIELDS = Set.of("certificate", "key", "certificate_file", "key_file");

    private Places() {
    }

    /**
     * The place of a scalar.
     *
     * @param path the keys (strings) and sequence indices (integers) from the document root to the scalar; a key that
     *             is not a scalar is an empty string
     * @param key  whether the scalar is a mapping key rather than a value
     */
    static Place of(List<Object> path, boolean key) {
        if (key || path.isEmpty() || "metadata".equals(path.get(0))) {
            return Place.NOT_SUBSTITUTED;
        }
        boolean item = path.size() > 1 && path.get(1) instanceof Integer;
        if ("secrets".equals(path.get(0))) {
            return item && path.size() > 3 && "params".equals(path.get(2)) ? Place.BOOTSTRAP : Place.NOT_SUBSTITUTED;
        }
        if ("runtime".equals(path.get(0)) && path.size() == 3 && "tls".equals(path.get(1))
                && TLS_FIELDS.contains(path.get(2))) {
            return Place.SUBSTITUTED;
        }
        if ("tools".equals(path.get(0)) && item && path.size() > 3 && "env".equals(path.get(2))) {
            return Place.SUBSTITUTED;
        }
        for (int i = 1; i < path.size() - 1; i++) {
            if (PARAM_MAPS.contains(path.get(i))) {
                return Place.SUBSTITUTED;
            }
        }
        return Place.NOT_SUBSTITUTED;
    }
}
