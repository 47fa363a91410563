package ai.spice.secrets.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code SecretsClient} parameter that {@link SecretsEmulatorExtension} fills with a client whose token has
 * {@code secrets:read} only, so that the code under test meets the 403 of a write. Without it a
 * {@code SecretsClient} parameter gets a client with {@code secrets:read} and {@code secrets:write}.
 *
 * <pre>{@code
 * @Test
 * void reportsMissingSecrets(@ReadOnly SecretsClient client, @AppId long appId) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ReadOnly {}
