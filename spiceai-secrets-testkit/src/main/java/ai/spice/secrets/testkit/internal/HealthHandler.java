package ai.spice.secrets.testkit.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code GET /v1/health}: no authentication, so a token (good, bad or none) and {@code X-Org-Name} are ignored;
 * never rate limited.
 */
final class HealthHandler implements RouteHandler {

    private final Clock clock;

    HealthHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ApiResponse handle(ApiRequest request, ApiPath path) {
        if (!"GET".equals(request.method())) {
            return ApiResponse.methodNotAllowed("GET");
        }
        return ApiResponse.json(200, ManagementJson.health(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }
}
