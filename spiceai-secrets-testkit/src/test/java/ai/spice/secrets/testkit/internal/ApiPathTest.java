package ai.spice.secrets.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiPathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/v1/apps/12/secrets                | SECRETS            | apps     | 12  | ''",
        "/v1/projects/12/secrets            | SECRETS            | projects | 12  | ''",
        "/v1/apps/12/secrets/DB_URL         | SECRET             | apps     | 12  | DB_URL",
        "/v1/projects/7/secrets/a%5Fb       | SECRET             | projects | 7   | a_b",
        "/v1/apps/7/secrets/a%2Fb           | SECRET             | apps     | 7   | a/b",
        "/v1/apps/7/secrets/a+b             | SECRET             | apps     | 7   | a+b",
        "/v1/apps/7/secrets/%E2%9C%93       | SECRET             | apps     | 7   | \u2713",
        "/v1/apps/7/secrets/100%            | SECRET             | apps     | 7   | 100%",
        "/v1/apps/7/secrets/%zz             | SECRET             | apps     | 7   | %zz",
        "/v1/apps/abc/secrets               | SECRETS            | apps     | abc | ''",
        "/v1/health                         | HEALTH             | ''       | ''  | ''",
        "/v1/apps                           | APPS               | apps     | ''  | ''",
        "/v1/projects                       | APPS               | projects | ''  | ''",
        "/v1/apps/12                        | APP                | apps     | 12  | ''",
        "/v1/projects/x                     | APP                | projects | x   | ''",
        "/v1/orgs                           | ORGS               | orgs     | ''  | ''",
        "/v1/orgs/7/secrets                 | ORG_SECRETS        | orgs     | 7   | ''",
        "/v1/projects/7/org-secrets         | LINKED_ORG_SECRETS | projects | 7   | ''",
        "/v1/projects/7/org-secrets/A%5FB   | LINKED_ORG_SECRET  | projects | 7   | A_B",
        "/api/oauth/token                   | OAUTH_TOKEN        | ''       | ''  | ''",
        "/v1/apps/7/org-secrets             | UNKNOWN            | ''       | ''  | ''",
        "/v1/apps/7/org-secrets/A           | UNKNOWN            | ''       | ''  | ''",
        "/v1/orgs/7                         | UNKNOWN            | ''       | ''  | ''",
        "/v1/orgs/7/secrets/A               | UNKNOWN            | ''       | ''  | ''",
        "/v1/health/x                       | UNKNOWN            | ''       | ''  | ''",
        "/v1/apps/                          | UNKNOWN            | ''       | ''  | ''",
        "/v1/apps/7/secrets/                | UNKNOWN            | ''       | ''  | ''",
        "/v1/apps//secrets                  | UNKNOWN            | ''       | ''  | ''",
        "/v1/apps/7/secrets/a/b             | UNKNOWN            | ''       | ''  | ''",
        "/v1/apps/7/other                   | UNKNOWN            | ''       | ''  | ''",
        "/v2/apps                           | UNKNOWN            | ''       | ''  | ''",
        "/v1                                | UNKNOWN            | ''       | ''  | ''",
        "/                                  | UNKNOWN            | ''       | ''  | ''",
    })
    void parsesRawPathsAndDecodesSegmentsAfterSplitting(String raw, ApiPath.Kind kind, String collection, String id,
            String name) {
        assertThat(ApiPath.parse(raw)).isEqualTo(new ApiPath(kind, collection, id, name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/v1/apps/12/secrets                | project 12",
        "/v1/projects/12/secrets/A          | project 12",
        "/v1/projects/012                   | project 12",
        "/v1/projects/12/org-secrets/A      | project 12",
        "/v1/apps/abc/secrets               | project abc",
        "/v1/apps                           | no project",
        "/v1/orgs                           | no project",
        "/v1/orgs/12/secrets                | no project",
    })
    void rateLimitCountsAgainstTheProjectOfThePath(String raw, String key) {
        assertThat(ApiPath.parse(raw).rateLimitKey()).isEqualTo(key);
    }
}
