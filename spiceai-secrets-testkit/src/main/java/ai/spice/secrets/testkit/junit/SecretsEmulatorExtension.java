package ai.spice.secrets.testkit.junit;

import ai.spice.secrets.testkit.SecretsEmulator;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link SecretsEmulatorTest}: starts {@link SecretsEmulator}s, injects them,
 * apps ({@link AppId}) and SDK clients ({@code ai.spice.secrets.SecretsClient}, {@link ReadOnly}), resets them
 * between tests and closes everything. Register it with the annotation, or as a field for settings the annotation
 * lacks:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SecretsEmulatorExtension EMULATOR = SecretsEmulatorExtension.builder()
 *         .settings(emulator -> emulator.clock(clock).orgSecrets(true))
 *         .build();
 * }</pre>
 *
 * <p><b>Lifecycle.</b> With {@link EmulatorLifecycle#PER_CLASS} (the default) one emulator serves the class and its
 * {@code @Nested} classes, started before {@code @BeforeAll} and closed after {@code @AfterAll}; with
 * {@link EmulatorLifecycle#PER_METHOD} each test has its own, closed after its {@code @AfterEach}. A test "enters"
 * its emulator when the extension first acts for it (a parameter of its constructor or of one of its methods, or
 * just before its {@code @BeforeEach} methods) and leaves when it ends. A test that enters while no other test is in
 * finds the {@linkplain SecretsEmulator#faults() fault plan} and the {@linkplain SecretsEmulator#requests() request
 * journal} cleared, so faults and requests of {@code @BeforeAll} or of an earlier test are gone; what its own
 * {@code @BeforeEach} sets up stays. Apps, secrets, tokens and rate-limit windows are not reset: each test gets an
 * app of its own instead.
 *
 * <p><b>Parallel execution.</b> Safe with {@code junit.jupiter.execution.parallel.enabled=true}, for classes and
 * for the tests of one class. Classes never share an emulator. The tests of one class share a
 * {@code PER_CLASS} emulator, and the reset waits until none of them is running, so a running test never loses
 * its faults or its journal to another test; in exchange it sees their requests in {@link SecretsEmulator#requests()}
 * and their faults where paths overlap. Scope both to the test's own app, which no other test uses
 * ({@code emulator.requestCount("*", "/v1/apps/" + appId + "/")}, {@code faults().next(1, "/v1/apps/" + appId, ...)}),
 * or use {@code PER_METHOD} for a private emulator.
 *
 * <p><b>Parameters.</b> Constructors, {@code @BeforeAll}, {@code @BeforeEach}, test, {@code @AfterEach} and
 * {@code @AfterAll} methods may take a {@link SecretsEmulator}, a {@code SecretsClient} (token with
 * {@code secrets:read} and {@code secrets:write}), a {@code @ReadOnly SecretsClient} ({@code secrets:read}) and an
 * {@code @AppId long}. Within one test every parameter of a kind gets the same value; the class-level methods (and
 * the constructor of a {@code @TestInstance(Lifecycle.PER_CLASS)} class) get a class-level app and clients of their
 * own. Clients are built by reflection on the SDK's {@code SecretsClient.builder()}, so the testkit does not depend
 * on the SDK; to configure a client (retry policy, listener), build one from {@link SecretsEmulator#baseUrl()} and
 * {@link SecretsEmulator#issueToken(String...)} instead.
 *
 * <p>Needs JUnit Jupiter 5.13 or later, which closes the {@link AutoCloseable} values of its stores. The extension
 * keeps all its state in JUnit's stores, so one instance may serve concurrent tests and classes: thread-safe.
 */
public final class SecretsEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Namespace SHARED = Namespace.create(SecretsEmulatorExtension.class);

    private final Optional<Settings> registered;

    /**
     * The extension as {@link SecretsEmulatorTest} (or {@code @ExtendWith(SecretsEmulatorExtension.class)})
     * registers it: its settings come from the test class's {@link SecretsEmulatorTest} annotation, or an enclosing
     * class's for a {@code @Nested} class, and are the defaults when there is none.
     */
    public SecretsEmulatorExtension() {
        this.registered = Optional.empty();
    }

    private SecretsEmulatorExtension(Settings settings) {
        this.registered = Optional.of(settings);
    }

    /**
     * A builder for an extension to register with {@code @RegisterExtension}; it ignores {@link SecretsEmulatorTest}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the class's emulator when the lifecycle is {@link EmulatorLifecycle#PER_CLASS} and no enclosing class
     * has one: started before any test, it is there for code that expects a fixed {@link SecretsEmulatorTest#port()}.
     *
     * @param context the class's context
     * @throws java.io.UncheckedIOException if the emulator cannot be started (a fixed port that is taken)
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings(context).lifecycle() == EmulatorLifecycle.PER_CLASS) {
            classSession(context);
        }
    }

    /**
     * Lets the test enter its emulator (starting it for {@link EmulatorLifecycle#PER_METHOD}) before its
     * {@code @BeforeEach} methods run, unless a constructor parameter already did.
     *
     * @param context the test's context
     * @throws java.io.UncheckedIOException if the emulator cannot be started
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        enter(context);
    }

    /**
     * Whether the parameter is a {@link SecretsEmulator}, the SDK's {@code ai.spice.secrets.SecretsClient}, or
     * annotated {@link AppId} or {@link ReadOnly} (on a wrong type these fail in {@link #resolveParameter} with a
     * message rather than go unresolved).
     *
     * @param parameter the parameter
     * @param context   the context
     * @return true for the parameters this extension resolves
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SecretsEmulator.class || SdkClients.isClientType(type)
                || parameter.isAnnotated(AppId.class) || parameter.isAnnotated(ReadOnly.class);
    }

    /**
     * The emulator, app id or client for this parameter; see the class comment for which one.
     *
     * @param parameter the parameter
     * @param context   the context
     * @return the value
     * @throws ParameterResolutionException if {@link AppId} is not on a {@code long}, {@link ReadOnly} not on a
     *                                      {@code SecretsClient}, a class-level method asks for a value under
     *                                      {@link EmulatorLifecycle#PER_METHOD}, or the SDK's client cannot be built
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        boolean client = SdkClients.isClientType(type);
        if (parameter.isAnnotated(AppId.class) && type != long.class && type != Long.class) {
            throw misplaced(parameter, "@AppId", "a long or Long");
        }
        if (parameter.isAnnotated(ReadOnly.class) && !client) {
            throw misplaced(parameter, "@ReadOnly", "an " + SdkClients.CLIENT_TYPE);
        }
        ContextResources resources = resources(context);
        if (parameter.isAnnotated(AppId.class)) {
            return resources.appId();
        }
        if (client) {
            return resources.client(type, parameter.isAnnotated(ReadOnly.class));
        }
        return resources.emulator();
    }

    /**
     * Asks JUnit for the test's own context when it resolves the constructor of a per-method test instance, so
     * that the constructor gets the test's app, clients and (per method) emulator.
     *
     * @param rootContext the engine's context
     * @return {@code TEST_METHOD}
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    /**
     * Shows where the settings come from.
     *
     * @return {@code SecretsEmulatorExtension[registered]} or {@code SecretsEmulatorExtension[@SecretsEmulatorTest]}
     */
    @Override
    public String toString() {
        return "SecretsEmulatorExtension[" + (registered.isPresent() ? "registered" : "@SecretsEmulatorTest") + "]";
    }

    private ContextResources resources(ExtensionContext context) {
        EmulatorSession session = isTest(context) ? enter(context) : classLevelSession(context);
        return new ContextResources(session.emulator(), context.getStore(own(context)), context.getDisplayName());
    }

    /** The test's session, entered once per test (a second call finds the test's occupancy and does nothing). */
    private EmulatorSession enter(ExtensionContext test) {
        Settings settings = settings(test);
        ExtensionContext.Store own = test.getStore(own(test));
        EmulatorSession session = settings.lifecycle() == EmulatorLifecycle.PER_CLASS
                ? classSession(test)
                : own.getOrComputeIfAbsent(EmulatorSession.class, key -> new EmulatorSession(settings.start()),
                        EmulatorSession.class);
        own.getOrComputeIfAbsent(EmulatorSession.Occupancy.class, key -> session.enter(),
                EmulatorSession.Occupancy.class);
        return session;
    }

    private EmulatorSession classLevelSession(ExtensionContext context) {
        if (settings(context).lifecycle() == EmulatorLifecycle.PER_METHOD) {
            throw new ParameterResolutionException("@SecretsEmulatorTest(lifecycle = PER_METHOD) starts one emulator "
                    + "per test, and there is none for " + context.getDisplayName() + "'s class-level methods "
                    + "(@BeforeAll, @AfterAll, or the constructor of a @TestInstance(PER_CLASS) class); "
                    + "use PER_CLASS to share one");
        }
        return classSession(context);
    }

    /** The session of the nearest class context; the store's lookup finds an enclosing class's first. */
    private EmulatorSession classSession(ExtensionContext context) {
        Settings settings = settings(context);
        ExtensionContext classContext = context;
        while (isTest(classContext)) {
            classContext = classContext.getParent().orElseThrow();
        }
        return classContext.getStore(SHARED).getOrComputeIfAbsent(EmulatorSession.class,
                key -> new EmulatorSession(settings.start()), EmulatorSession.class);
    }

    private Settings settings(ExtensionContext context) {
        return registered.orElseGet(() -> declared(context.getRequiredTestClass()));
    }

    /** The annotation of the class, or of the nearest enclosing class of a {@code @Nested} (inner) class. */
    static Settings declared(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = isInner(type) ? type.getEnclosingClass() : null) {
            Optional<SecretsEmulatorTest> found = AnnotationSupport.findAnnotation(type, SecretsEmulatorTest.class);
            if (found.isPresent()) {
                return Settings.of(found.get());
            }
        }
        return Settings.DEFAULTS;
    }

    private static boolean isInner(Class<?> type) {
        return type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
    }

    private static boolean isTest(ExtensionContext context) {
        return context.getTestMethod().isPresent();
    }

    /** A namespace of this context alone: a child context's lookup never finds its parent's app or clients. */
    private static Namespace own(ExtensionContext context) {
        return Namespace.create(SecretsEmulatorExtension.class, context.getUniqueId());
    }

    private static ParameterResolutionException misplaced(ParameterContext parameter, String annotation, String type) {
        return new ParameterResolutionException(annotation + " goes on " + type + " parameter, not on "
                + parameter.getParameter() + " of " + parameter.getDeclaringExecutable());
    }

    /**
     * Settings for a {@link SecretsEmulatorExtension}. Not thread-safe; {@link #build()} may be called again, and
     * what it built never changes.
     */
    public static final class Builder {

        private Consumer<SecretsEmulator.Builder> settings = emulator -> {};
        private EmulatorLifecycle lifecycle = EmulatorLifecycle.PER_CLASS;

        private Builder() {}

        /**
         * The emulator's settings: applied to a new {@link SecretsEmulator#builder()} for each emulator, so any of
         * its settings may be used (port, latency, rate limit, token lifetime, clock, organizations, ...). Replaces
         * earlier settings. Default none: the emulator's own defaults.
         *
         * <pre>{@code
         * .settings(emulator -> emulator.latency(Duration.ofMillis(20)).defaultOrganization("acme"))
         * }</pre>
         *
         * @param settings what to set on each emulator's builder; it must not start the emulator itself
         * @return this builder
         * @throws NullPointerException if {@code settings} is null
         */
        public Builder settings(Consumer<SecretsEmulator.Builder> settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * One emulator for the class, or one per test. Default {@link EmulatorLifecycle#PER_CLASS}. In a
         * {@code static} field the extension serves the whole class; in an instance field JUnit registers it only
         * once the test instance exists, so it serves the test methods and their {@code @BeforeEach} and
         * {@code @AfterEach} methods, not the constructor or the class-level methods.
         *
         * @param lifecycle the lifecycle
         * @return this builder
         * @throws NullPointerException if {@code lifecycle} is null
         */
        public Builder lifecycle(EmulatorLifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /**
         * The extension. The settings are tried once here, on a builder that starts nothing, so that a bad value
         * fails at registration rather than in the first test.
         *
         * @return the extension
         * @throws IllegalArgumentException if the settings set a bad value on the emulator's builder
         */
        public SecretsEmulatorExtension build() {
            settings.accept(SecretsEmulator.builder());
            return new SecretsEmulatorExtension(new Settings(settings, lifecycle));
        }
    }
}
