package io.quarterdeck.adapters.rest.spine.openapi;

import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import io.quarterdeck.adapters.rest.spine.ErrorShape;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the document MicroProfile OpenAPI generates from the resource classes (registered as
 * {@code mp.openapi.filter} in the WAR's {@code microprofile-config.properties}):
 * <ul>
 * <li>each surface's error body becomes a component schema, derived from the surface's own {@link ErrorShape} so
 * the document cannot drift from what the server sends, and every operation documents the 4xx answers it can give
 * in its surface's shape (plus {@code default} for any other error);</li>
 * <li>success bodies get their schema from the resource method's declared return type (the generator reads the DTO
 * records as empty objects), with JSON-B's snake_case names;</li>
 * <li>operations that need credentials name the two schemes (bearer token, {@code X-API-Key}); public ones none;</li>
 * <li>operation ids become {@code Resource_method} (the generator is configured to write the full class name so
 * that this filter can find the Java method behind each operation).</li>
 * </ul>
 */
public class OpenApiDocumentFilter implements OASFilter {
    static final String SCHEMA_REF = "#/components/schemas/";
    private static final String BEARER = "bearer";
    private static final String API_KEY = "apiKey";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.info(OASFactory.createInfo().title("Quarterdeck").version("1")
                .description("One operations control plane serving five dashboard contracts (seeds 000-004). Each "
                        + "surface answers errors in its own shape: the Health Monitor (/health, /api, /ws) as "
                        + "HealthMonitorError, /api/v1 as ApiV1Error, /cluster-ai as ClusterAiError."));
        if (api.getComponents() == null) {
            api.components(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("An access token from /api/v1/auth/token, /api/v1/auth/login or /cluster-ai/auth/login, "
                        + "or from the configured OIDC issuer"));
        components.addSecurityScheme(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("An API key with the scopes needed"));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        TypeSchemas types = new TypeSchemas();
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            ErrorShape shape = ErrorBodies.shapeOf(path.getKey());
            String errorSchema = ErrorSchemas.name(shape);
            if (components.getSchemas() == null || !components.getSchemas().containsKey(errorSchema)) {
                components.addSchema(errorSchema, ErrorSchemas.of(shape));
            }
            for (Operation op : path.getValue().getOperations().values()) {
                Method method = ResourceMethods.find(op.getOperationId());
                if (method != null) {
                    op.setOperationId(method.getDeclaringClass().getSimpleName() + "_" + method.getName());
                    types.describeSuccess(op, method);
                }
                ErrorResponses.document(op, path.getKey(), method, SCHEMA_REF + errorSchema);
                if (ErrorResponses.isPublic(method)) {
                    op.setSecurity(List.of());
                } else {
                    op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER),
                            OASFactory.createSecurityRequirement().addScheme(API_KEY)));
                }
            }
        }
        types.components().forEach(components::addSchema);
        dropUnreadable(api, types.components().keySet());
    }

    /**
     * Removes the empty schemas the generator wrote for generic records ({@code EnvelopeErrorDto}) once nothing
     * refers to them any more.
     */
    private static void dropUnreadable(OpenAPI api, Set<String> written) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        References.collect(api, referenced);
        for (String name : Set.copyOf(schemas.keySet())) {
            Schema s = schemas.get(name);
            boolean empty = s.getProperties() == null && s.getRef() == null && s.getItems() == null
                    && s.getAdditionalPropertiesSchema() == null && s.getAllOf() == null && s.getOneOf() == null;
            if (empty && !written.contains(name) && !referenced.contains(name)) {
                api.getComponents().removeSchema(name);
            }
        }
    }
}
