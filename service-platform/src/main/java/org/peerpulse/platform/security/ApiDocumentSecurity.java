package org.peerpulse.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What a service's OpenAPI document says about who may call it, taken from the same public paths the filter
 * chain opens instead of being written again on every controller: an operation under one of them needs no
 * token, every other one a bearer JWT. Runs before the platform's problem documentation
 * (org.peerpulse.platform.web), which adds the filters' 401 and 403 to the operations that need a token.
 */
final class ApiDocumentSecurity implements OpenApiCustomizer, Ordered {

    /** The name of the security scheme in the document's components. */
    static final String BEARER_JWT = "bearer-jwt";

    private final List<PathPattern> publicPaths;

    ApiDocumentSecurity(List<String> publicPaths) {
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        // A Caller is resolved from the verified token, never sent by the client: it is no request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components.addSecuritySchemes(BEARER_JWT, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token of the agency's OpenID Connect issuer, meant for the audience "
                        + "peerpulse. The agency (tenant) comes only from its agency claim and the roles "
                        + "(specialist, quality_lead, ops) from its roles claim.")));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            if (isPublic(path)) {
                return;
            }
            item.readOperations().forEach(operation ->
                    operation.addSecurityItem(new SecurityRequirement().addList(BEARER_JWT)));
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private boolean isPublic(String documentedPath) {
        PathContainer path = PathContainer.parsePath(documentedPath);
        return publicPaths.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
