package io.quarterdeck.adapters.rest.spine.openapi;

import java.util.Collection;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** The component schemas a document refers to, from its operations and from the components themselves. */
final class References {
    private References() {
    }

    static void collect(OpenAPI api, Set<String> out) {
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                for (Operation op : item.getOperations().values()) {
                    if (op.getRequestBody() != null) {
                        content(op.getRequestBody().getContent(), out);
                    }
                    if (op.getParameters() != null) {
                        for (Parameter p : op.getParameters()) {
                            schema(p.getSchema(), out);
                        }
                    }
                    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                        for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                            content(r.getContent(), out);
                        }
                    }
                }
            }
        }
        // Schemas referred to by referred schemas: repeat until nothing new is found.
        int before;
        do {
            before = out.size();
            var schemas = api.getComponents().getSchemas();
            for (String name : Set.copyOf(out)) {
                if (schemas != null && schemas.get(name) != null) {
                    schema(schemas.get(name), out);
                }
            }
        } while (out.size() != before);
    }

    private static void content(Content content, Set<String> out) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType m : content.getMediaTypes().values()) {
                schema(m.getSchema(), out);
            }
        }
    }

    private static void schema(Schema s, Set<String> out) {
        if (s == null) {
            return;
        }
        if (s.getRef() != null && s.getRef().startsWith(OpenApiDocumentFilter.SCHEMA_REF)) {
            out.add(s.getRef().substring(OpenApiDocumentFilter.SCHEMA_REF.length()));
        }
        schema(s.getItems(), out);
        schema(s.getAdditionalPropertiesSchema(), out);
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> schema(p, out));
        }
        all(s.getAllOf(), out);
        all(s.getOneOf(), out);
        all(s.getAnyOf(), out);
    }

    private static void all(Collection<Schema> schemas, Set<String> out) {
        if (schemas != null) {
            schemas.forEach(s -> schema(s, out));
        }
    }
}
