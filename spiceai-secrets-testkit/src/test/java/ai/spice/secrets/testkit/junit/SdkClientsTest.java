package ai.spice.secrets.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.SecretsClient;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Building the SDK's client by reflection, and what an SDK of another shape is told. */
class SdkClientsTest {

    private static final URI BASE_URL = URI.create("http://127.0.0.1:1");

    @Test
    void buildsTheClientThroughItsPublicBuilderInterface() throws Exception {
        AutoCloseable built = SdkClients.build(SecretsClient.class, BASE_URL, "the-token");

        assertThat(built).isInstanceOf(SecretsClient.class);
        SecretsClient client = (SecretsClient) built;
        assertThat(client.baseUrl()).isEqualTo(BASE_URL);
        assertThat(client.token()).isEqualTo("the-token");
        assertThat(client.getClass().getName()).as("an implementation class, as the SDK's is internal")
                .isEqualTo("ai.spice.secrets.StandInClient");
        built.close();
        assertThat(client.isClosed()).isTrue();
    }

    @Test
    void onlyTheSdksClientTypeIsRecognised() {
        assertThat(SdkClients.isClientType(SecretsClient.class)).isTrue();
        assertThat(SdkClients.isClientType(AutoCloseable.class)).isFalse();
        assertThat(SdkClients.isClientType(SecretsClient.Builder.class)).isFalse();
    }

    static Stream<Arguments> otherShapes() {
        return Stream.of(
                Arguments.of(NoBuilder.class, NoBuilder.class.getName() + " has no public builder()"),
                Arguments.of(InstanceBuilder.class, InstanceBuilder.class.getName() + " has no public static builder()"),
                Arguments.of(ObjectBuilder.class, "java.lang.Object has no public baseUrl(java.net.URI)"),
                Arguments.of(FailingBuild.class, FailingBuild.Builder.class.getName()
                        + ".build() threw java.lang.IllegalStateException: no credential"),
                Arguments.of(WrongProduct.class, WrongProduct.Builder.class.getName()
                        + ".build() returned java.lang.String, not an AutoCloseable ai.spice.secrets.SecretsClient"));
    }

    @ParameterizedTest
    @MethodSource("otherShapes")
    void aClientTypeOfAnotherShapeFailsNamingWhatIsMissing(Class<?> type, String message) {
        assertThatThrownBy(() -> SdkClients.build(type, BASE_URL, "the-token"))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("cannot inject ai.spice.secrets.SecretsClient: ")
                .hasMessageContaining(message)
                .hasMessageNotContaining("the-token");
    }

    interface NoBuilder {}

    interface InstanceBuilder {
        default Object builder() {
            return this;
        }
    }

    interface ObjectBuilder {
        static Object builder() {
            return new Object();
        }
    }

    interface FailingBuild {
        static Builder builder() {
            return new Builder() {
                @Override
                public Builder baseUrl(URI url) {
                    return this;
                }

                @Override
                public Builder token(String token) {
                    return this;
                }

                @Override
                public FailingBuild build() {
                    throw new IllegalStateException("no credential");
                }
            };
        }

        interface Builder {
            Builder baseUrl(URI url);

            Builder token(String token);

            FailingBuild build();
        }
    }

    interface WrongProduct {
        static Builder builder() {
            return new Builder() {
                @Override
                public Builder baseUrl(URI url) {
                    return this;
                }

                @Override
                public Builder token(String token) {
                    return this;
                }

                @Override
                public Object build() {
                    return "not a client";
                }
            };
        }

        interface Builder {
            Builder baseUrl(URI url);

            Builder token(String token);

            Object build();
        }
    }
}
