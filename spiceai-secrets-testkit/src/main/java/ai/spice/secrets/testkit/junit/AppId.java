package ai.spice.secrets.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code long} (or {@code Long}) parameter that {@link SecretsEmulatorExtension} fills with the id of an
 * app created for the current test in the injected {@link ai.spice.secrets.testkit.SecretsEmulator}'s default
 * organization. Each test gets a fresh, empty app of its own, the same one in its constructor, its
 * {@code @BeforeEach}, test and {@code @AfterEach} methods; the class-level methods ({@code @BeforeAll},
 * {@code @AfterAll}, and the constructor of a {@code @TestInstance(Lifecycle.PER_CLASS)} class) share one app of the
 * class, which no test gets.
 *
 * <pre>{@code
 * @Test
 * void storesTheRotatedPassword(SecretsEmulator emulator, @AppId long appId, SecretsClient client) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AppId {}
