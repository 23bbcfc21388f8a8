package io.quarterdeck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import io.quarterdeck.adapters.rest.spine.ErrorShape;
import io.quarterdeck.adapters.rest.spine.security.PublicEndpoint;
import io.quarterdeck.architecture.AuthorizationDeclarationTest;
import io.quarterdeck.architecture.AuthorizationDeclarationTest.Endpoint;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at {@code /openapi} describes exactly the resource methods the code declares (found by
 * reflection, the scan of {@link AuthorizationDeclarationTest}), each with its surface's error schema, and with
 * schemas for the bodies it reads and writes.
 */
class OpenApiIT {
    private static final String REF = "#/components/schemas/";
    private static JsonObject document;
    private static List<Endpoint> endpoints;

    @BeforeAll
    static void fetch() throws Exception {
        Server.Reply reply = Server.send(Server.request("/openapi?format=JSON").GET());
        assertEquals(200, reply.status(), reply.body());
        document = reply.json();
        endpoints = AuthorizationDeclarationTest.endpoints().stream().filter(e -> e.method() != null).toList();
        assertTrue(endpoints.size() >= 30, "the scan found only " + endpoints.size() + " resource methods");
    }

    private static Set<String> documented() {
        Set<String> out = new TreeSet<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (String verb : path.getValue().asJsonObject().keySet()) {
                out.add(verb.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        return out;
    }

    private static JsonObject operation(Endpoint e) {
        String[] parts = e.route().split(" ", 2);
        return document.getJsonObject("paths").getJsonObject(parts[1]).getJsonObject(parts[0].toLowerCase(Locale.ROOT));
    }

    private static String path(Endpoint e) {
        return e.route().split(" ", 2)[1];
    }

    private static String errorSchemaOf(String path) {
        return ErrorBodies.shapeOf(path).getClass().getSimpleName().replaceFirst("Shape$", "");
    }

    private static JsonObject resolve(JsonObject schema) {
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring(REF.length());
            JsonObject component = document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
            assertNotNull(component, "the document refers to a missing schema " + name);
            return component;
        }
        return schema;
    }

    private static boolean describesSomething(JsonObject schema) {
        JsonObject s = resolve(schema);
        return s.containsKey("properties") || s.containsKey("items") || s.containsKey("additionalProperties")
                || s.containsKey("oneOf") || s.containsKey("allOf") || s.containsKey("anyOf")
                || (s.containsKey("type") && !"object".equals(s.getString("type")));
    }

    @Test
    void every_resource_method_is_in_the_document_and_nothing_else_is() {
        Set<String> declared = new TreeSet<>();
        endpoints.forEach(e -> declared.add(e.route()));
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(documented());
        Set<String> extra = new TreeSet<>(documented());
        extra.removeAll(declared);
        assertEquals(Set.of(), missing, "resource methods the OpenAPI document does not describe");
        assertEquals(Set.of(), extra, "operations in the document that no resource method serves");
    }

    @Test
    void each_surface_error_schema_has_exactly_the_members_its_shape_writes() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Set<String> paths = new TreeSet<>();
        endpoints.forEach(e -> paths.add(path(e)));
        Set<String> checked = new TreeSet<>();
        for (String path : paths) {
            ErrorShape shape = ErrorBodies.shapeOf(path);
            String name = errorSchemaOf(path);
            if (!checked.add(name)) {
                continue;
            }
            JsonObject schema = schemas.getJsonObject(name);
            assertNotNull(schema, "no component schema " + name + " for " + path);
            JsonObject written = Server.parse(shape.body("VALIDATION_ERROR", "a sentence", Map.of("field", "x")));
            assertEquals(written.keySet(), schema.getJsonObject("properties").keySet(), name);
            assertEquals(written.keySet(), Set.copyOf(schema.getJsonArray("required").getValuesAs(
                    (JsonValue v) -> ((jakarta.json.JsonString) v).getString())), name);
        }
        assertEquals(Set.of("ApiV1Error", "ClusterAiError", "HealthMonitorError"), checked);
    }

    @Test
    void every_operation_documents_its_refusals_in_its_own_surface_shape() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            String expected = REF + errorSchemaOf(path(e));
            JsonObject responses = operation(e).getJsonObject("responses");
            boolean publicEndpoint = e.method().isAnnotationPresent(PublicEndpoint.class)
                    || e.type().isAnnotationPresent(PublicEndpoint.class);
            if (!responses.containsKey("default")) {
                wrong.add(e.route() + ": no default error response");
            }
            if (publicEndpoint == responses.containsKey("401")) {
                wrong.add(e.route() + (publicEndpoint ? ": public but documents 401" : ": protected without 401"));
            }
            var security = operation(e).getJsonArray("security");
            if ((security == null || security.isEmpty()) != publicEndpoint) {
                wrong.add(e.route() + ": security " + security + " for a " + (publicEndpoint ? "public" : "protected")
                        + " endpoint");
            }
            for (var r : responses.entrySet()) {
                if (!(r.getKey().startsWith("4") || r.getKey().equals("default"))) {
                    continue;
                }
                JsonObject content = r.getValue().asJsonObject().getJsonObject("content");
                String ref = content == null ? null : content.getJsonObject("application/json").getJsonObject("schema")
                        .getString("$ref", null);
                if (!expected.equals(ref)) {
                    wrong.add(e.route() + " " + r.getKey() + ": " + ref + " instead of " + expected);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void request_and_success_bodies_have_schemas_that_describe_their_members() {
        List<String> vague = new ArrayList<>();
        for (Endpoint e : endpoints) {
            JsonObject op = operation(e);
            JsonObject body = op.getJsonObject("requestBody");
            if (body != null) {
                for (var media : body.getJsonObject("content").entrySet()) {
                    if (!describesSomething(media.getValue().asJsonObject().getJsonObject("schema"))) {
                        vague.add(e.route() + " request " + media.getKey());
                    }
                }
            }
            for (var r : op.getJsonObject("responses").entrySet()) {
                JsonObject content = r.getValue().asJsonObject().getJsonObject("content");
                if (r.getKey().startsWith("2") && content != null) {
                    for (var media : content.entrySet()) {
                        if (!describesSomething(media.getValue().asJsonObject().getJsonObject("schema"))) {
                            vague.add(e.route() + " " + r.getKey() + " " + media.getKey());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), vague, "bodies documented as a bare object");
    }

    /** What Liberty's validator reports (CWWKO1650E) and client generators trip over: an array without items. */
    @Test
    void every_array_schema_says_what_its_items_are() {
        List<String> bare = new ArrayList<>();
        arrays(document, "#", bare);
        assertEquals(List.of(), bare, "array schemas without items");
    }

    private static void arrays(JsonValue v, String at, List<String> bare) {
        if (v instanceof JsonObject o) {
            if ("array".equals(o.getString("type", null)) && !o.containsKey("items")) {
                bare.add(at);
            }
            o.forEach((k, child) -> arrays(child, at + "/" + k, bare));
        } else if (v instanceof jakarta.json.JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                arrays(a.get(i), at + "/" + i, bare);
            }
        }
    }

    @Test
    void dto_schemas_use_the_snake_case_names_the_server_writes() {
        JsonObject user = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("UserDto");
        assertNotNull(user);
        Set<String> names = user.getJsonObject("properties").keySet();
        assertTrue(names.containsAll(Set.of("full_name", "is_active", "created_at")), names.toString());
        assertFalse(names.contains("fullName"), names.toString());
    }
}
