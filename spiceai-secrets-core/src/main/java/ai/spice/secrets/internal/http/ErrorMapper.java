package ai.spice.secrets.internal.http;

import ai.spice.secrets.errors.BadRequestException;
import ai.spice.secrets.errors.ConflictException;
import ai.spice.secrets.errors.GoneException;
import ai.spice.secrets.errors.InternalServerException;
import ai.spice.secrets.errors.NotFoundException;
import ai.spice.secrets.errors.PayloadTooLargeException;
import ai.spice.secrets.errors.PermissionDeniedException;
import ai.spice.secrets.errors.RateLimitException;
import ai.spice.secrets.errors.ServiceError;
import ai.spice.secrets.errors.SpiceServiceException;
import ai.spice.secrets.errors.UnauthorizedException;
import ai.spice.secrets.errors.UnexpectedStatusCodeException;
import ai.spice.secrets.errors.UnprocessableEntityException;
import ai.spice.secrets.internal.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where an error status becomes an exception, filled from the {@code {"error","code","details"}}
 * envelope when the body has one. An empty, non-JSON or HTML body still gives the status's exception.
 */
public final class ErrorMapper {

    private static final Pattern REQUIRED_SCOPE = Pattern.compile("Required:\\s*([A-Za-z*][\\w:*.-]*)");

    private ErrorMapper() {
    }

    /**
     * @param requiredScope the scope the operation needs, used for a 403 whose text does not name one; may be null
     * @param serverHint    how long the server asked to wait ({@link ServerHint}), parsed once by the caller
     */
    public static SpiceServiceException map(RawResponse response, String method, String path, String requiredScope,
                                            Optional<Duration> serverHint) {
        JsonNode body = Json.treeOrNull(response.body());
        String serverMessage = text(body == null ? null : errorText(body.get("error")));
        ServiceError error = new ServiceError(response.status(), method, path,
                serverMessage != null ? serverMessage : reason(response.status()),
                Optional.ofNullable(body == null ? null : text(body.path("code").isTextual() ? body.get("code").asText() : null)),
                body == null ? Map.of() : fieldErrors(body.path("details").path("fieldErrors")),
                requestId(response.headers()));
        int status = response.status();
        return switch (status) {
            case 400 -> new BadRequestException(error);
            case 401 -> new UnauthorizedException(error);
            case 403 -> new PermissionDeniedException(error, Optional.ofNullable(scope(serverMessage, requiredScope)));
            case 404 -> new NotFoundException(error);
            case 409 -> new ConflictException(error);
            case 410 -> new GoneException(error);
            case 413 -> new PayloadTooLargeException(error);
            case 422 -> new UnprocessableEntityException(error);
            case 429 -> new RateLimitException(error, serverHint);
            default -> status >= 500 && status <= 599
                    ? new InternalServerException(error)
                    : new UnexpectedStatusCodeException(error);
        };
    }

    private static String errorText(JsonNode error) {
        if (error == null) {
            return null;
        }
        if (error.isTextual()) {
            return error.asText();
        }
        JsonNode message = error.path("message");
        return message.isTextual() ? message.asText() : null;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Map<String, List<String>> fieldErrors(JsonNode fields) {
        if (!fields.isObject()) {
            return Map.of();
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        fields.fields().forEachRemaining(field -> {
            List<String> messages = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(message -> messages.add(message.asText()));
            } else if (field.getValue().isValueNode()) {
                messages.add(field.getValue().asText());
            }
            errors.put(field.getKey(), messages);
        });
        return errors;
    }

    private static String scope(String serverMessage, String requiredScope) {
        if (serverMessage != null) {
            Matcher matcher = REQUIRED_SCOPE.matcher(serverMessage);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return requiredScope;
    }

    /**
     * Whether a 404 is about the secret, not the app: the one place that tells them apart, for {@code find},
     * {@code deleteIfExists} and a delete whose earlier answer was lost.
     */
    public static boolean isMissingSecret(SpiceServiceException failure) {
        String message = failure.serverMessage().toLowerCase(Locale.ROOT);
        return failure instanceof NotFoundException && !message.contains("app not found")
                && !message.contains("project not found") && !message.matches(".*\\b(app|project) with id \\d+ not found.*");
    }

    public static Optional<String> requestId(HttpHeaders headers) {
        return headers.firstValue("x-request-id").or(() -> headers.firstValue("x-vercel-id"));
    }

    public static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
