package ai.spice.secrets.testkit.internal;

/**
 * Finds the app (project) a path names, in the organization the caller acts on. One in another organization is
 * answered as missing, so that ids of other organizations cannot be probed.
 */
final class ProjectLookup {

    private final SecretStore store;

    ProjectLookup(SecretStore store) {
        this.store = store;
    }

    /**
     * @throws RejectedRequest 400 {@code Invalid app ID} for an id that is not a positive integer; 404
     *                         {@code App not found} under {@code /v1/apps}, {@code Project not found} under
     *                         {@code /v1/projects}, for an unknown app or one of another organization
     */
    StoredApp require(ApiPath path, Caller caller) throws RejectedRequest {
        long id = PathIds.positive(path.id()).orElseThrow(() -> RejectedRequest.of(400, "Invalid app ID"));
        return store.app(id)
                .filter(app -> app.org() == caller.org())
                .orElseThrow(() -> RejectedRequest.of(404, notFound(path)));
    }

    /** The 404 message follows the prefix the client used. */
    static String notFound(ApiPath path) {
        return "projects".equals(path.collection()) ? "Project not found" : "App not found";
    }
}
