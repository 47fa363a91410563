package ai.spice.secrets.testkit.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Builds the SDK's {@code SecretsClient} by reflection on its public API, {@code SecretsClient.builder()
 * .baseUrl(URI).token(String).build()}: the testkit cannot depend on spiceai-secrets-core, whose own tests depend on
 * the testkit. The class comes from the test's parameter, so it is whichever SDK the test compiled against; on the
 * module path no {@code requires} is needed, as reflection on an exported package implies readability.
 */
final class SdkClients {

    /** The parameter type this class builds, by name. */
    static final String CLIENT_TYPE = "ai.spice.secrets.SecretsClient";

    private static final String SHAPE = "SecretsClient.builder() with baseUrl(URI), token(String) and build()";

    private SdkClients() {}

    static boolean isClientType(Class<?> type) {
        return type.getName().equals(CLIENT_TYPE);
    }

    /**
     * A new client of {@code clientType} for this base URL and bearer token.
     *
     * @throws ParameterResolutionException if the type lacks the expected builder, or building fails; the message
     *                                      names what is missing or what failed, never the token
     */
    static AutoCloseable build(Class<?> clientType, URI baseUrl, String token) {
        Method builder = method(clientType, "builder");
        if (!Modifier.isStatic(builder.getModifiers())) {
            throw new ParameterResolutionException(missing(clientType, "static builder()"));
        }
        Class<?> builderType = builder.getReturnType();
        Method baseUrlSetter = method(builderType, "baseUrl", URI.class);
        Method tokenSetter = method(builderType, "token", String.class);
        Method build = method(builderType, "build");
        Object configuring = invoke(builder, null);
        configuring = invoke(baseUrlSetter, configuring, baseUrl);
        configuring = invoke(tokenSetter, configuring, token);
        Object client = invoke(build, configuring);
        if (!clientType.isInstance(client) || !(client instanceof AutoCloseable)) {
            throw new ParameterResolutionException("cannot inject " + CLIENT_TYPE + ": " + builderType.getName()
                    + ".build() returned " + (client == null ? "null" : client.getClass().getName())
                    + ", not an AutoCloseable " + CLIENT_TYPE + "; the testkit needs " + SHAPE);
        }
        return (AutoCloseable) client;
    }

    private static Method method(Class<?> owner, String name, Class<?>... parameters) {
        try {
            return owner.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            String signature = name + Arrays.stream(parameters).map(Class::getName)
                    .collect(Collectors.joining(", ", "(", ")"));
            throw new ParameterResolutionException(missing(owner, signature), e);
        }
    }

    private static String missing(Class<?> owner, String signature) {
        return "cannot inject " + CLIENT_TYPE + ": " + owner.getName() + " has no public " + signature
                + "; the testkit needs " + SHAPE;
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ParameterResolutionException("cannot inject " + CLIENT_TYPE + ": " + describe(method)
                    + " threw " + cause.getClass().getName() + ": " + cause.getMessage(), cause);
        } catch (IllegalAccessException e) {
            throw new ParameterResolutionException("cannot inject " + CLIENT_TYPE + ": " + describe(method)
                    + " is not accessible: " + e.getMessage(), e);
        }
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "()";
    }
}
