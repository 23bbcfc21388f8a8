package io.quarterdeck.adapters.rest.spine.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Schemas of the JSON that JSON-B writes for a Java type, as the server is configured (snake_case names, records by
 * their components): a record becomes a component referred to by its simple name, a generic record (the Health
 * Monitor's {@code Envelope<T>}) is written inline with its type argument, maps become objects, collections arrays.
 */
final class TypeSchemas {
    private final Map<String, Schema> components = new LinkedHashMap<>();

    /** The component schemas written so far, by name. */
    Map<String, Schema> components() {
        return components;
    }

    /**
     * Gives the operation's success answer the schema of the method's return type; a method that returns a
     * {@link Response} declares its answers with {@link APIResponse} instead, whose DTO components are filled in here.
     */
    void describeSuccess(Operation op, Method method) {
        APIResponse[] declaredResponses = method.getAnnotationsByType(APIResponse.class);
        for (APIResponse declared : declaredResponses) {
            for (var content : declared.content()) {
                register(content.schema().implementation());
                List.of(content.schema().oneOf()).forEach(this::register);
                for (var property : content.schema().properties()) {
                    register(property.implementation());
                    List.of(property.oneOf()).forEach(this::register);
                }
            }
        }
        Type type = method.getGenericReturnType();
        if (declaredResponses.length > 0 || type == void.class || type == Response.class || op.getResponses() == null
                || op.getResponses().getAPIResponses() == null) {
            return;
        }
        for (var entry : op.getResponses().getAPIResponses().entrySet()) {
            if (!entry.getKey().startsWith("2")) {
                continue;
            }
            Content content = entry.getValue().getContent();
            if (content == null || content.getMediaTypes() == null) {
                continue;
            }
            for (MediaType media : content.getMediaTypes().values()) {
                media.schema(of(type, Map.of()));
            }
        }
    }

    private void register(Class<?> type) {
        if (type != null && type != Void.class && type.isRecord()) {
            of(type, Map.of());
        }
    }

    Schema of(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof Class<?> c) {
            return ofClass(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                return create(Schema.SchemaType.OBJECT).additionalPropertiesSchema(of(args[1], bindings));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return create(Schema.SchemaType.ARRAY).items(of(args[0], bindings));
            }
            if (raw.isRecord()) {
                Map<TypeVariable<?>, Type> inner = new HashMap<>(bindings);
                TypeVariable<?>[] vars = raw.getTypeParameters();
                for (int i = 0; i < vars.length; i++) {
                    inner.put(vars[i], args[i]);
                }
                return recordSchema(raw, inner);
            }
            return ofClass(raw);
        }
        if (type instanceof TypeVariable<?> v) {
            Type bound = bindings.get(v);
            return bound != null ? of(bound, bindings) : OASFactory.createSchema();
        }
        if (type instanceof WildcardType w) {
            return of(w.getUpperBounds()[0], bindings);
        }
        if (type instanceof GenericArrayType a) {
            return create(Schema.SchemaType.ARRAY).items(of(a.getGenericComponentType(), bindings));
        }
        return OASFactory.createSchema();
    }

    private Schema ofClass(Class<?> c) {
        if (c == String.class || c == char.class || c == Character.class || c.isEnum()) {
            return create(Schema.SchemaType.STRING);
        }
        if (c == boolean.class || c == Boolean.class) {
            return create(Schema.SchemaType.BOOLEAN);
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return create(Schema.SchemaType.INTEGER).format("int32");
        }
        if (c == long.class || c == Long.class) {
            return create(Schema.SchemaType.INTEGER).format("int64");
        }
        if (c.isPrimitive() || Number.class.isAssignableFrom(c)) {
            return create(Schema.SchemaType.NUMBER);
        }
        if (Temporal.class.isAssignableFrom(c)) {
            return create(Schema.SchemaType.STRING).format("date-time");
        }
        if (JsonObject.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            return create(Schema.SchemaType.OBJECT);
        }
        if (JsonArray.class.isAssignableFrom(c) || Collection.class.isAssignableFrom(c)) {
            return create(Schema.SchemaType.ARRAY).items(OASFactory.createSchema());
        }
        if (c.isArray()) {
            return create(Schema.SchemaType.ARRAY).items(ofClass(c.getComponentType()));
        }
        if (c.isRecord()) {
            if (c.getTypeParameters().length > 0) {
                return recordSchema(c, Map.of());
            }
            String name = c.getSimpleName();
            if (!components.containsKey(name)) {
                components.put(name, OASFactory.createSchema()); // placeholder: a record may refer to itself
                components.put(name, recordSchema(c, Map.of()));
            }
            return OASFactory.createSchema().ref(OpenApiDocumentFilter.SCHEMA_REF + name);
        }
        return OASFactory.createSchema();
    }

    private Schema recordSchema(Class<?> record, Map<TypeVariable<?>, Type> bindings) {
        Schema s = create(Schema.SchemaType.OBJECT);
        for (RecordComponent rc : record.getRecordComponents()) {
            if (rc.isAnnotationPresent(JsonbTransient.class) || rc.getAccessor().isAnnotationPresent(JsonbTransient.class)) {
                continue;
            }
            s.addProperty(jsonName(rc), of(rc.getGenericType(), bindings));
        }
        return s;
    }

    /** The name JSON-B writes: {@link JsonbProperty} if given, else LOWER_CASE_WITH_UNDERSCORES. */
    static String jsonName(RecordComponent rc) {
        JsonbProperty named = rc.getAnnotation(JsonbProperty.class);
        if (named == null) {
            named = rc.getAccessor().getAnnotation(JsonbProperty.class);
        }
        if (named != null && !named.value().isEmpty()) {
            return named.value();
        }
        return snake(rc.getName());
    }

    static String snake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static Schema create(Schema.SchemaType type) {
        return OASFactory.createSchema().type(type);
    }
}
