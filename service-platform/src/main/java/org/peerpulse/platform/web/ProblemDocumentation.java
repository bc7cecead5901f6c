package org.peerpulse.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts the errors every operation can get from the platform into a service's OpenAPI document, each an RFC 9457
 * {@code application/problem+json} body: 400 where a request carries something to reject, 401 and 403 where
 * the operation needs a token (the filter chain's refusals), 500 everywhere. Springdoc cannot find them by
 * itself: {@link PlatformProblemHandler} answers with {@code ResponseEntity<Object>} and the filters answer
 * before Spring MVC. The statuses a service's own handlers give (404, 409, 422, ...) belong on its controllers.
 * Runs after the customizers that add the security requirements it reads.
 */
final class ProblemDocumentation implements OpenApiCustomizer, Ordered {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM = "Problem";

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components.addSchemas(PROBLEM, problemSchema()));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperations().forEach(this::document));
    }

    private void document(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            add(responses, "400", "The request is not valid; errors names each rejected field.");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401", "No bearer token, or one that is not valid.");
            add(responses, "403", "The token's role does not allow this, or it names no agency.");
        }
        add(responses, "500", "Something failed on the service's side; nothing was changed.");
    }

    private static void add(ApiResponses responses, String status, String description) {
        ApiResponse response = responses.computeIfAbsent(status, code -> new ApiResponse().description(description));
        if (response.getContent() == null || response.getContent().isEmpty()) {
            response.content(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        }
    }

    /** What {@link Problems} writes: Spring's {@code ProblemDetail} without {@code instance} (see ProblemInstances). */
    private static Schema<?> problemSchema() {
        Schema<?> invalidField = new ObjectSchema()
                .description("One rejected field: where it is and what is wrong with it, never its value.")
                .properties(Map.of(
                        "field", new StringSchema().description("The field or parameter, such as occurredAt."),
                        "message", new StringSchema().description("What is wrong with it.")))
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("An RFC 9457 problem document. The detail is fixed text: nothing the request sent "
                        + "is echoed.")
                .properties(Map.of(
                        "type", new StringSchema().format("uri-reference")._default("about:blank"),
                        "title", new StringSchema().description("Short, the same for every problem of its kind."),
                        "status", new IntegerSchema().description("The HTTP status, repeated."),
                        "detail", new StringSchema().description("What went wrong, for a person to read."),
                        "errors", new ArraySchema().items(invalidField)
                                .description("For a 400 or 422: every rejected field.")))
                .required(List.of("title", "status"));
    }

    @Override
    public int getOrder() {
        // After the customizers that add security requirements (Ordered.HIGHEST_PRECEDENCE and the default).
        return Ordered.LOWEST_PRECEDENCE;
    }
}
