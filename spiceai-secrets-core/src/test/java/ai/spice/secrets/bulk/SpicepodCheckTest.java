package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.bulk.SpicepodCheck.Resolution;
import ai.spice.secrets.bulk.SpicepodCheck.ResolvedReference;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What answers a reference, as a table: the reference, the app's secrets, the names available elsewhere. */
class SpicepodCheckTest {

    private static final String ENV_AND_K8S = "secrets:\n  - from: env\n    name: env\n"
            + "  - from: kubernetes:my_secret\n    name: k8s\n";
    private static final String K8S_ONLY = "secrets:\n  - from: kubernetes:my_secret\n    name: k8s\n";

    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of("", "${secrets:PG_PASS}", List.of("PG_PASS"), Set.of(), Resolution.APP_SECRET, "PG_PASS"),
                Arguments.of("", "${env:PG_PASS}", List.of("PG_PASS"), Set.of(), Resolution.APP_SECRET, "PG_PASS"),
                Arguments.of("", "${secrets:my_pg_user}", List.of("MY_PG_USER"), Set.of(),
                        Resolution.APP_SECRET_UPPERCASED, "MY_PG_USER"),
                Arguments.of("", "${env:my_pg_user}", List.of("MY_PG_USER"), Set.of(),
                        Resolution.APP_SECRET_UPPERCASED, "MY_PG_USER"),
                // the env store tries SPICE_key, key, SPICE_KEY, KEY: the first found wins
                Arguments.of("", "${secrets:my_key}", List.of("MY_KEY", "my_key"), Set.of(), Resolution.APP_SECRET,
                        "my_key"),
                Arguments.of("", "${secrets:PG}", List.of("PG", "SPICE_PG"), Set.of(), Resolution.APP_SECRET,
                        "SPICE_PG"),
                Arguments.of("", "${secrets:pg}", List.of("PG", "SPICE_PG"), Set.of(), Resolution.APP_SECRET_UPPERCASED,
                        "SPICE_PG"),
                Arguments.of("", "${secrets:MY_PG_USER}", List.of("my_pg_user"), Set.of(), Resolution.MISSING, ""),
                Arguments.of("", "${secrets:SCP_OPENAI_API_KEY}", List.of(), Set.of("SCP_OPENAI_API_KEY"),
                        Resolution.AVAILABLE_ELSEWHERE, "SCP_OPENAI_API_KEY"),
                Arguments.of("", "${secrets:scp_openai_api_key}", List.of(), Set.of("SCP_OPENAI_API_KEY"),
                        Resolution.AVAILABLE_ELSEWHERE, "SCP_OPENAI_API_KEY"),
                Arguments.of("", "${env:HOME}", List.of(), Set.of(), Resolution.MISSING, ""),
                Arguments.of("", "${env:ORG_KEY}", List.of(), Set.of("ORG_KEY"), Resolution.AVAILABLE_ELSEWHERE,
                        "ORG_KEY"),
                Arguments.of("", "${secrets:KEY}", List.of("KEY"), Set.of("KEY"), Resolution.APP_SECRET, "KEY"),
                Arguments.of("", "${k8s:token}", List.of("token"), Set.of(), Resolution.UNDEFINED_STORE, ""),
                Arguments.of(ENV_AND_K8S, "${k8s:token}", List.of("token"), Set.of(), Resolution.CONFIGURED_STORE, ""),
                Arguments.of(ENV_AND_K8S, "${secrets:PG_PASS}", List.of("PG_PASS"), Set.of(), Resolution.APP_SECRET,
                        "PG_PASS"),
                // stores but no env store: app secrets (environment variables) cannot answer
                Arguments.of(K8S_ONLY, "${secrets:PG_PASS}", List.of("PG_PASS"), Set.of(),
                        Resolution.CONFIGURED_STORE, ""),
                Arguments.of(K8S_ONLY, "${secrets:PG_PASS}", List.of(), Set.of("PG_PASS"),
                        Resolution.AVAILABLE_ELSEWHERE, "PG_PASS"),
                Arguments.of(K8S_ONLY, "${env:PG_PASS}", List.of("PG_PASS"), Set.of(), Resolution.UNDEFINED_STORE,
                        ""));
    }

    @ParameterizedTest(name = "{1} with app {2}, elsewhere {3} -> {4}")
    @MethodSource("resolutions")
    void resolvesAsTheRuntimeWould(String secretsSection, String reference, List<String> app, Set<String> elsewhere,
                                   Resolution resolution, String answeredBy) {
        SpicepodReferences spicepod = SpicepodReferences.parse(secretsSection
                + "datasets:\n  - params:\n      p: \"" + reference + "\"\n");
        SpicepodCheck check = SpicepodCheck.of(spicepod, app,
                SpicepodCheckOptions.builder().availableElsewhere(elsewhere).build());
        assertThat(check.references()).singleElement().satisfies(resolved -> {
            assertThat(resolved.resolution()).isEqualTo(resolution);
            assertThat(resolved.answeredBy()).isEqualTo(answeredBy.isEmpty() ? Optional.empty()
                    : Optional.of(answeredBy));
        });
        boolean problem = resolution == Resolution.MISSING || resolution == Resolution.UNDEFINED_STORE;
        assertThat(check.isClean()).isEqualTo(!problem);
    }

    @Test
    void appSecretsAnsweringThroughTheEnvStoreAreNotUnreferenced() {
        SpicepodReferences spicepod = SpicepodReferences.parse("""
                datasets:
                  - params:
                      a: ${secrets:my_pg_user}
                      b: ${env:PG_HOST}
                      c: ${secrets:token}
                """);
        SpicepodCheck check = SpicepodCheck.of(spicepod, List.of("MY_PG_USER", "PG_HOST", "SPICE_token", "UNUSED",
                "_hidden"));
        assertThat(check.unreferenced()).containsExactly("UNUSED");
        assertThat(check.unreferenceable()).containsExactly("_hidden");
        assertThat(check.resolvedAs(Resolution.APP_SECRET_UPPERCASED)).extracting(ResolvedReference::answeredBy)
                .containsExactly(Optional.of("MY_PG_USER"));
        assertThat(check.isClean()).isTrue();
        assertThat(check.toString()).contains(
                "answered through the env store's upper-casing:\n"
                        + "  ${secrets:my_pg_user} -> app secret MY_PG_USER (line 3, datasets[0].params.a)\n",
                "${env:...} answered by app secrets (environment variables):\n"
                        + "  ${env:PG_HOST} -> app secret PG_HOST (line 4, datasets[0].params.b)\n");
    }

    @Test
    void theReportNamesEveryKindOfFinding() {
        SpicepodReferences spicepod = SpicepodReferences.parse(ENV_AND_K8S + """
                metadata:
                  note: ${secrets:NOTE}
                datasets:
                  - params:
                      a: ${env:HOME}
                      b: ${vault:TOKEN}
                      c: ${k8s:token}
                      d: ${secrets:SCP_OPENAI_API_KEY}
                      e: ${secrets:PG_PASS}
                """);
        SpicepodCheck check = SpicepodCheck.of(spicepod, List.of(),
                SpicepodCheckOptions.builder().availableElsewhere(List.of("SCP_OPENAI_API_KEY")).build());
        assertThat(check.missing()).containsExactly("HOME", "PG_PASS");
        assertThat(check.isClean()).isFalse();
        assertThat(check.toString()).isEqualTo("Spicepod check of <string>: 5 references\n"
                + "missing (no app secret of that name or upper-cased, nothing available elsewhere):\n"
                + "  HOME (line 10, datasets[0].params.a): no app secret, so ${env:HOME} must be an environment"
                + " variable set some other way\n"
                + "  PG_PASS (line 14, datasets[0].params.e)\n"
                + "undefined stores (no secrets: entry has the name; the runtime leaves the parameter empty):\n"
                + "  ${vault:TOKEN} (line 11, datasets[0].params.b)\n"
                + "available elsewhere:\n"
                + "  ${secrets:SCP_OPENAI_API_KEY} -> SCP_OPENAI_API_KEY (line 13, datasets[0].params.d)\n"
                + "in other configured stores (not checked against the app):\n"
                + "  ${k8s:token} (line 12, datasets[0].params.c)\n"
                + "not substituted (outside params; the runtime leaves them as written):\n"
                + "  ${secrets:NOTE} (line 7, metadata.note)\n"
                + "PROBLEMS: 2 missing, 1 undefined store, 0 malformed, 0 unreferenced, 0 unreferenceable");
    }

    @Test
    void optionsAndRecordsCheckTheirArguments() {
        assertThat(SpicepodCheckOptions.defaults().availableElsewhere()).isEmpty();
        SpicepodCheckOptions.Builder builder = SpicepodCheckOptions.builder().availableElsewhere(List.of("A", "B"));
        SpicepodCheckOptions options = builder.build();
        builder.availableElsewhere(List.of("C"));
        assertThat(options.availableElsewhere()).containsExactlyInAnyOrder("A", "B");
        assertThat(options.toBuilder().build().availableElsewhere()).containsExactlyInAnyOrder("A", "B");
        assertThat(options).hasToString("SpicepodCheckOptions[availableElsewhere=2 names]");
        assertThatThrownBy(() -> SpicepodCheckOptions.builder().availableElsewhere(null))
                .isInstanceOf(NullPointerException.class).hasMessage("names");
        assertThatThrownBy(() -> SpicepodCheckOptions.builder().availableElsewhere(java.util.Arrays.asList("A", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        SpicepodReferences none = SpicepodReferences.parse("");
        assertThatThrownBy(() -> SpicepodCheck.of(none, List.of(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("options");
        assertThatThrownBy(() -> SpicepodCheck.of(none, java.util.Arrays.asList("A", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> new ResolvedReference(null, Resolution.MISSING, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("reference");
    }
}
