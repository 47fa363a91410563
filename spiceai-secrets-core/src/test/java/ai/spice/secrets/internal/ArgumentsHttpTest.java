package ai.spice.secrets.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.InvalidSecretNameException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation checks its arguments before anything is sent. */
class ArgumentsHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static Stream<Arguments> badCalls() {
        return Stream.of(
                bad("list appId 0", c -> c.list(0), IllegalArgumentException.class, "appId must be positive, was 0"),
                bad("list appId MIN", c -> c.list(Long.MIN_VALUE), IllegalArgumentException.class, "appId"),
                bad("get appId -1", c -> c.get(-1, "A"), IllegalArgumentException.class, "appId"),
                bad("get null name", c -> c.get(1, null), NullPointerException.class, "name"),
                bad("get bad name", c -> c.get(1, "my-secret"), InvalidSecretNameException.class, "\"my-secret\""),
                bad("find bad name", c -> c.find(1, "a.b"), InvalidSecretNameException.class, "\"a.b\""),
                bad("find appId 0", c -> c.find(0, "A"), IllegalArgumentException.class, "appId"),
                bad("upsert null value", c -> c.upsert(1, "A", (String) null), NullPointerException.class, "value"),
                bad("upsert null SecretValue", c -> c.upsert(1, "A", (SecretValue) null), NullPointerException.class, "value"),
                bad("upsert bad name", c -> c.upsert(1, "../x", "v"), InvalidSecretNameException.class, "\"../x\""),
                bad("upsert appId 0", c -> c.upsert(0, "A", "v"), IllegalArgumentException.class, "appId"),
                bad("delete bad name", c -> c.delete(1, ""), InvalidSecretNameException.class, "\"\""),
                bad("deleteIfExists null", c -> c.deleteIfExists(1, null), NullPointerException.class, "name"),
                bad("async list appId 0", c -> c.async().list(0), IllegalArgumentException.class, "appId"),
                bad("async get bad name", c -> c.async().get(1, "1abc"), InvalidSecretNameException.class, "\"1abc\""),
                bad("async upsert null", c -> c.async().upsert(1, "A", (String) null), NullPointerException.class, "value"),
                bad("async delete appId 0", c -> c.async().delete(0, "A"), IllegalArgumentException.class, "appId"),
                bad("async deleteIfExists bad", c -> c.async().deleteIfExists(1, "a b"), InvalidSecretNameException.class, "\"a b\""),
                bad("async find null", c -> c.async().find(1, null), NullPointerException.class, "name"));
    }

    private static Arguments bad(String what, Consumer<SecretsClient> call, Class<? extends Throwable> type, String message) {
        return Arguments.of(what, call, type, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void rejectsBadArgumentsBeforeSendingAnything(String what, Consumer<SecretsClient> call, Class<? extends Throwable> type, String message) {
        try (SecretsClient client = TestClients.client(server)) {
            assertThatThrownBy(() -> call.accept(client)).isInstanceOf(type).hasMessageContaining(message);
        }
    }

    @AfterEach
    void nothingWasSent() {
        server.verify(0, anyRequestedFor(anyUrl()));
    }
}
