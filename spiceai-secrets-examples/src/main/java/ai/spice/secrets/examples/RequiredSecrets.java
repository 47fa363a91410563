package ai.spice.secrets.examples;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Your code", as {@code EmulatorExtensionExampleTest} tests it with {@code @SecretsEmulatorTest}: the start-up check
 * of a service that needs some secrets in its app, and fills in those that have a default. Thread-safe as its client.
 */
public final class RequiredSecrets {

    private final SecretsClient client;
    private final long appId;

    /**
     * A check of one app.
     *
     * @param client the client; {@code secrets:read} is enough for {@link #missing}
     * @param appId  the app
     */
    public RequiredSecrets(SecretsClient client, long appId) {
        this.client = Objects.requireNonNull(client, "client");
        this.appId = appId;
    }

    /**
     * The required names the app has no secret for, with one list call.
     *
     * @param required the names the service needs
     * @return those missing, in the order given
     */
    public List<String> missing(List<String> required) {
        Set<String> present = client.list(appId).stream().map(Secret::name).collect(Collectors.toSet());
        return required.stream().filter(name -> !present.contains(name)).toList();
    }

    /**
     * Stores the default of each secret the app lacks, and leaves the others alone.
     *
     * @param defaults default values by name
     * @return the names it stored
     */
    public List<String> fillDefaults(Map<String, String> defaults) {
        List<String> missing = missing(List.copyOf(defaults.keySet()));
        missing.forEach(name -> client.upsert(appId, name, SecretValue.of(defaults.get(name))));
        return missing;
    }
}
