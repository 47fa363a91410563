package ai.spice.secrets.testkit.junit;

/**
 * How long an emulator of {@link SecretsEmulatorExtension} lives: the attribute
 * {@link SecretsEmulatorTest#lifecycle()}, or {@link SecretsEmulatorExtension.Builder#lifecycle}.
 */
public enum EmulatorLifecycle {

    /**
     * One emulator for the test class, started before its {@code @BeforeAll} methods and closed after its
     * {@code @AfterAll} methods; {@code @Nested} classes share it. Its fault plan and request journal are cleared as
     * each test starts, whenever no other test of that emulator is running. The default.
     */
    PER_CLASS,

    /**
     * One emulator for each test, started before its {@code @BeforeEach} methods (or for its constructor, when the
     * constructor takes one) and closed after its {@code @AfterEach} methods. There is none at class level: a
     * {@code @BeforeAll} or {@code @AfterAll} method, or the constructor of a
     * {@code @TestInstance(Lifecycle.PER_CLASS)} class, that asks for one fails with a
     * {@link org.junit.jupiter.api.extension.ParameterResolutionException}.
     */
    PER_METHOD
}
