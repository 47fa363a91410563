package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.SecretName;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.bulk.InvalidSecretNamesException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The up-front checks of every bulk operation: all of them pass before anything is sent. */
final class BulkArguments {

    private BulkArguments() {
    }

    /**
     * Copies the secrets, in their iteration order, once every name is valid and no value null: a null name throws
     * first, then every invalid name at once, then a null value (naming its key, now known to be a valid name).
     */
    static Map<String, SecretValue> checkSecrets(Map<String, SecretValue> secrets, String argument) {
        Objects.requireNonNull(secrets, argument);
        Map<String, SecretValue> copy = new LinkedHashMap<>();
        for (Map.Entry<String, SecretValue> entry : secrets.entrySet()) {
            copy.put(Objects.requireNonNull(entry.getKey(), () -> argument + " contains a null name"), entry.getValue());
        }
        List<String> invalid = new ArrayList<>();
        for (String name : copy.keySet()) {
            if (!SecretName.isValid(name)) {
                invalid.add(name);
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidSecretNamesException(invalid);
        }
        copy.forEach((name, value) -> Objects.requireNonNull(value, () -> argument + " has a null value for " + name));
        return Collections.unmodifiableMap(copy);
    }
}
