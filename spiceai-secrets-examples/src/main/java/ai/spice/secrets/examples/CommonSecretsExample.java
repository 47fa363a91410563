package ai.spice.secrets.examples;

import ai.spice.secrets.SecretValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The secret names Spice's docs use for cloud, database and AI providers, stored with placeholder values. A spicepod
 * then references them as {@code ${secrets:NAME}}.
 */
public final class CommonSecretsExample {

    private CommonSecretsExample() {
    }

    public static void main(String[] args) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        secrets.put("AWS_SECRET_ACCESS_KEY", "example-aws-secret");
        secrets.put("AWS_REGION", "us-east-1");
        secrets.put("AZURE_STORAGE_ACCOUNT_NAME", "exampleaccount");
        secrets.put("AZURE_STORAGE_ACCOUNT_KEY", "example-azure-key");
        secrets.put("GCP_SERVICE_ACCOUNT_KEY", "{\"type\":\"service_account\"}");
        secrets.put("PG_HOST", "db.internal");
        secrets.put("PG_USER", "spice");
        secrets.put("PG_PASS", "example-pg-pass");
        secrets.put("MYSQL_HOST", "mysql.internal");
        secrets.put("MYSQL_PASS", "example-mysql-pass");
        secrets.put("OPENAI_API_KEY", "sk-example");
        secrets.put("ANTHROPIC_API_KEY", "sk-ant-example");
        try (ExampleSession session = ExampleSession.open("CommonSecretsExample")) {
            secrets.forEach((name, value) -> {
                var stored = session.client().upsert(session.appId(), name, SecretValue.of(value));
                System.out.println("stored ${secrets:" + stored.name() + "}");
            });
            System.out.println(session.client().list(session.appId()).size() + " secrets in the app");
        }
    }
}
