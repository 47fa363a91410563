package ai.spice.secrets.internal.names;

import ai.spice.secrets.SecretName;
import ai.spice.secrets.errors.InvalidSecretNameException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copies of maps keyed by secret name, as every bulk argument and result takes them: ordered as given, unmodifiable,
 * and without a null name or value. Public only for the SDK's other packages; not exported.
 */
public final class NamedMaps {

    private NamedMaps() {
    }

    /**
     * Copies a map of results (names already known to be valid).
     *
     * @param map      the map
     * @param argument its name, for messages
     * @return an unmodifiable copy in the map's order
     * @throws NullPointerException if the map, a name or a value is null; the message names the argument
     */
    public static <V> Map<String, V> copy(Map<String, V> map, String argument) {
        Map<String, V> copy = copyNames(map, argument);
        copy.forEach((name, value) -> Objects.requireNonNull(value, () -> argument + " has a null value for " + name));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Copies a map the caller gave, once every name is valid and no value null: a null name throws first, then every
     * invalid name at once, then a null value (naming its key, now known to be a valid name).
     *
     * @param map      the map
     * @param argument its name, for messages
     * @return an unmodifiable copy in the map's order
     * @throws NullPointerException       if the map, a name or a value is null; the message names the argument
     * @throws InvalidSecretNameException if a name is invalid; every invalid name is listed
     */
    public static <V> Map<String, V> withValidNames(Map<String, V> map, String argument) {
        Map<String, V> copy = copyNames(map, argument);
        List<String> invalid = new ArrayList<>();
        for (String name : copy.keySet()) {
            if (!SecretName.isValid(name)) {
                invalid.add(name);
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidSecretNameException(invalid);
        }
        return copy(copy, argument);
    }

    private static <V> Map<String, V> copyNames(Map<String, V> map, String argument) {
        Objects.requireNonNull(map, argument);
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((name, value) -> copy.put(Objects.requireNonNull(name, () -> argument + " contains a null name"),
                value));
        return copy;
    }
}
