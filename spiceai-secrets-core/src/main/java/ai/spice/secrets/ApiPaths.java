package ai.spice.secrets;

/**
 * Which of the API's two equal sets of routes the client calls. Apps are called projects in Spice's portal and docs
 * since August 2026; the id is the same, and both routes reach the same secrets.
 *
 * <pre>{@code
 * SecretsClient client = SecretsClient.builder().fromEnv().apiPaths(ApiPaths.PROJECTS).build();
 * }</pre>
 */
public enum ApiPaths {

    /** {@code /v1/apps/{appId}/secrets}: the default, what every official tool calls, and what Spice keeps working. */
    APPS("/v1/apps/"),
    /** {@code /v1/projects/{projectId}/secrets}: the canonical path in Spice's docs since August 2026. */
    PROJECTS("/v1/projects/");

    private final String root;

    ApiPaths(String root) {
        this.root = root;
    }

    /**
     * The start of every secrets path.
     *
     * @return {@code "/v1/apps/"} or {@code "/v1/projects/"}
     */
    public String root() {
        return root;
    }
}
