package ai.spice.secrets.testkit.internal;

/** Serves the requests of one kind of path, as a straight line of checks that ends in a response. */
@FunctionalInterface
interface RouteHandler {

    /**
     * @throws RejectedRequest when a check refuses the request; it carries the error response
     */
    ApiResponse handle(ApiRequest request, ApiPath path) throws RejectedRequest;
}
