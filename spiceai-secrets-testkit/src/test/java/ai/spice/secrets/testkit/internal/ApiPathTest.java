package ai.spice.secrets.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiPathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/v1/apps/12/secrets                | SECRETS     | 12  | ''",
        "/v1/projects/12/secrets            | SECRETS     | 12  | ''",
        "/v1/apps/12/secrets/DB_URL         | SECRET      | 12  | DB_URL",
        "/v1/projects/7/secrets/a%5Fb       | SECRET      | 7   | a_b",
        "/v1/apps/7/secrets/a%2Fb           | SECRET      | 7   | a/b",
        "/v1/apps/7/secrets/a+b             | SECRET      | 7   | a+b",
        "/v1/apps/7/secrets/%E2%9C%93       | SECRET      | 7   | \u2713",
        "/v1/apps/7/secrets/100%            | SECRET      | 7   | 100%",
        "/v1/apps/7/secrets/%zz             | SECRET      | 7   | %zz",
        "/v1/apps/abc/secrets               | SECRETS     | abc | ''",
        "/api/oauth/token                   | OAUTH_TOKEN | ''  | ''",
        "/v1/apps/7/secrets/                | UNKNOWN     | ''  | ''",
        "/v1/apps//secrets                  | UNKNOWN     | ''  | ''",
        "/v1/apps/7/secrets/a/b             | UNKNOWN     | ''  | ''",
        "/v1/orgs/7/secrets                 | UNKNOWN     | ''  | ''",
        "/                                  | UNKNOWN     | ''  | ''",
    })
    void parsesRawPathsAndDecodesSegmentsAfterSplitting(String raw, ApiPath.Kind kind, String appId, String name) {
        assertThat(ApiPath.parse(raw)).isEqualTo(new ApiPath(kind, appId, name));
    }
}
