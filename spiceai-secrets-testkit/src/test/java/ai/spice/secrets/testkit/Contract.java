package ai.spice.secrets.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The OpenAPI documents the testkit carries, loaded into a real OpenAPI validator; an exchange is checked against
 * every document that declares its path (the {@code /v1/projects/{id}/secrets} routes are in both), and at least
 * one must. The validator by default treats every object schema as {@code additionalProperties: false}: kept for
 * responses (the emulator sends only fields the documents declare), switched off for request bodies, where the
 * documents allow unknown keys as Spice's published OpenAPI does.
 */
final class Contract {

    static final String SECRETS = "/ai/spice/secrets/testkit/secrets-openapi.yaml";
    static final String MANAGEMENT = "/ai/spice/secrets/testkit/management-surface-openapi.yaml";
    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = load(SECRETS, MANAGEMENT);

    private Contract() {}

    /**
     * A request as sent and the response as received, in the validator's model and as the client saw it.
     *
     * @param request  the request, for the validator
     * @param response the response, for the validator
     * @param received the response as the JDK client received it
     * @param path     the raw path
     */
    record Exchange(Request request, SimpleResponse response, HttpResponse<String> received, String path) {

        int status() {
            return received.statusCode();
        }

        String body() {
            return received.body();
        }

        JsonNode json() {
            return ApiClient.body(received);
        }

        Optional<String> header(String name) {
            return received.headers().firstValue(name);
        }

        @Override
        public String toString() {
            return request.getMethod() + " " + path + " -> " + status() + " " + body();
        }
    }

    static OpenApiInteractionValidator validator(String document) {
        return VALIDATORS.get(document);
    }

    static Exchange send(URI baseUrl, String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        headers.forEach((name, value) -> {
            http.header(name, value);
            request.withHeader(name, value);
        });
        if (body != null) {
            request.withBody(body);
        }
        HttpResponse<String> received = ApiClient.send(http);
        SimpleResponse.Builder response = new SimpleResponse.Builder(received.statusCode());
        received.headers().map().forEach(response::withHeader);
        if (!received.body().isEmpty()) {
            response.withBody(received.body());
        }
        return new Exchange(request.build(), response.build(), received, path);
    }

    /** What the validator finds wrong with the request or the response. */
    static List<String> problems(Exchange exchange) {
        return check(exchange, validator -> validator.validate(exchange.request(), exchange.response()));
    }

    /** What the validator finds wrong with the request alone. */
    static List<String> requestProblems(Exchange exchange) {
        return check(exchange, validator -> validator.validateRequest(exchange.request()));
    }

    /** What the validator finds wrong with the response alone. */
    static List<String> responseProblems(Exchange exchange) {
        return check(exchange, validator -> validator.validateResponse(exchange.path(),
                exchange.request().getMethod(), exchange.response()));
    }

    private static List<String> check(Exchange exchange, Function<OpenApiInteractionValidator, ValidationReport> run) {
        List<String> problems = new ArrayList<>();
        int declaring = 0;
        for (Map.Entry<String, OpenApiInteractionValidator> document : VALIDATORS.entrySet()) {
            ValidationReport report = run.apply(document.getValue());
            if (report.getMessages().stream().anyMatch(message -> PATH_MISSING.equals(message.getKey()))) {
                continue;
            }
            declaring++;
            report.getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(message -> problems.add(document.getKey() + ": " + message.getKey() + ": "
                            + message.getMessage()));
        }
        if (declaring == 0) {
            problems.add("no document declares " + exchange.request().getMethod() + " " + exchange.path());
        }
        return problems;
    }

    private static Map<String, OpenApiInteractionValidator> load(String... documents) {
        Map<String, OpenApiInteractionValidator> validators = new LinkedHashMap<>();
        for (String document : documents) {
            try (InputStream in = SecretsEmulator.class.getResourceAsStream(document)) {
                if (in == null) {
                    throw new IllegalStateException("missing from the testkit: " + document);
                }
                validators.put(document, OpenApiInteractionValidator
                        .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request.body.schema.additionalProperties",
                                        ValidationReport.Level.IGNORE)
                                .build())
                        .build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(validators);
    }
}
