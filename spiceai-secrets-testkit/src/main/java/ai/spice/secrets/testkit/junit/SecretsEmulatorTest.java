package ai.spice.secrets.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an in-process {@link ai.spice.secrets.testkit.SecretsEmulator}, as
 * {@code @WireMockTest} runs one against WireMock: {@link SecretsEmulatorExtension} starts it, injects it and the
 * values below into the parameters of the constructor and of {@code @BeforeAll}, {@code @BeforeEach}, test,
 * {@code @AfterEach} and {@code @AfterAll} methods, and closes it. Injectable parameters:
 * <ul>
 *   <li>{@link ai.spice.secrets.testkit.SecretsEmulator}: the emulator;</li>
 *   <li>{@code ai.spice.secrets.SecretsClient} (the SDK's client): a client of the emulator whose token has
 *       {@code secrets:read} and {@code secrets:write}; annotated {@link ReadOnly}, one with {@code secrets:read}
 *       only. One of each per test, closed when the test ends;</li>
 *   <li>{@code long} or {@code Long} annotated {@link AppId}: a fresh app of the test's own.</li>
 * </ul>
 * The attributes are the emulator's {@link ai.spice.secrets.testkit.SecretsEmulator.Builder} settings that tests
 * change most; {@link SecretsEmulatorExtension#builder()} reaches the others. The annotation may be used as a
 * meta-annotation and is inherited by subclasses. Use it or a registered {@link SecretsEmulatorExtension}, not
 * both: two extensions would compete for the same parameters.
 *
 * <pre>{@code
 * @SecretsEmulatorTest
 * class RotationTest {
 *     @Test
 *     void rotatesThePassword(SecretsEmulator emulator, @AppId long appId, SecretsClient client) {
 *         new PasswordRotation(client, appId).rotate("PG_PASS");
 *         assertThat(emulator.storedValue(appId, "PG_PASS")).isPresent();
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(SecretsEmulatorExtension.class)
public @interface SecretsEmulatorTest {

    /**
     * A delay added to every request before it is served, in milliseconds.
     *
     * @return 0 or more; default 0, no delay
     */
    long latencyMillis() default 0;

    /**
     * The number of {@code /v1} requests allowed per {@link #rateLimitWindowMillis()} and project; beyond it the
     * emulator answers 429 with {@code Retry-After}. See
     * {@link ai.spice.secrets.testkit.SecretsEmulator.Builder#rateLimit}.
     *
     * @return 0 or more; default 0, no limit
     */
    int rateLimit() default 0;

    /**
     * The rate-limit window, in milliseconds; used only when {@link #rateLimit()} is set.
     *
     * @return 1 or more; default 60,000 (one minute)
     */
    long rateLimitWindowMillis() default 60_000;

    /**
     * The lifetime of access tokens from the OAuth endpoint, in seconds (the tokens of injected clients never
     * expire).
     *
     * @return 1 or more; default 3,600 (one hour)
     */
    long tokenLifetimeSeconds() default 3_600;

    /**
     * The port on 127.0.0.1. A fixed port lets code configured with a fixed URL reach the emulator, but two
     * emulators cannot share it: with parallel execution, keep such classes apart (for example with
     * {@code @ResourceLock("port 8787")}), and do not combine it with {@link EmulatorLifecycle#PER_METHOD} and
     * concurrent tests.
     *
     * @return 0 to 65535; default 0, a free port
     */
    int port() default 0;

    /**
     * One emulator for the class, or one per test.
     *
     * @return default {@link EmulatorLifecycle#PER_CLASS}
     */
    EmulatorLifecycle lifecycle() default EmulatorLifecycle.PER_CLASS;
}
