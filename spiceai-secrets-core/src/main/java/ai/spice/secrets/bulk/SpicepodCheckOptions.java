package ai.spice.secrets.bulk;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a spicepod is checked: which names are satisfied without an app secret, such as an organization secret linked
 * to the project or one the platform provides ({@code SCP_OPENAI_API_KEY}). Those reach the runtime as environment
 * variables too, so a reference to one is reported as available elsewhere rather than missing.
 *
 * <pre>{@code
 * SpicepodCheckOptions options = SpicepodCheckOptions.builder()
 *         .availableElsewhere(List.of("SCP_OPENAI_API_KEY", "ORG_DATADOG_KEY"))
 *         .build();
 * SpicepodCheck check = client.checkSpicepod(appId, Path.of("spicepod.yaml"), options);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Its builder is not thread-safe.
 */
public final class SpicepodCheckOptions {

    private static final SpicepodCheckOptions DEFAULTS = builder().build();

    private final Set<String> availableElsewhere;

    private SpicepodCheckOptions(Builder builder) {
        this.availableElsewhere = Set.copyOf(builder.availableElsewhere);
    }

    /**
     * The defaults: no name is available elsewhere.
     *
     * @return the default options
     */
    public static SpicepodCheckOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder whose settings are those of {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().availableElsewhere(availableElsewhere);
    }

    /**
     * The names satisfied without an app secret, as environment variable names (case-sensitive).
     *
     * @return an unmodifiable set, empty unless names were given
     */
    public Set<String> availableElsewhere() {
        return availableElsewhere;
    }

    /**
     * Shows the settings.
     *
     * @return e.g. {@code SpicepodCheckOptions[availableElsewhere=2 names]}
     */
    @Override
    public String toString() {
        return "SpicepodCheckOptions[availableElsewhere=" + availableElsewhere.size() + " names]";
    }

    /**
     * Builds {@link SpicepodCheckOptions}. Each setter checks its argument at once. Not thread-safe; a builder may be
     * reused, and what it built never changes.
     */
    public static final class Builder {

        private final Set<String> availableElsewhere = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Sets the names satisfied without an app secret, replacing any set before. Default: none.
         *
         * @param names environment variable names, e.g. {@code SCP_OPENAI_API_KEY}; copied
         * @return this builder
         * @throws NullPointerException if {@code names} or a name is null
         */
        public Builder availableElsewhere(Collection<String> names) {
            Objects.requireNonNull(names, "names");
            names.forEach(name -> Objects.requireNonNull(name, "name"));
            availableElsewhere.clear();
            availableElsewhere.addAll(names);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public SpicepodCheckOptions build() {
            return new SpicepodCheckOptions(this);
        }
    }
}
