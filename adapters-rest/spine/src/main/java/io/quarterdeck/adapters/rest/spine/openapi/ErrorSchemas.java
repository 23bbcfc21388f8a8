package io.quarterdeck.adapters.rest.spine.openapi;

import io.quarterdeck.adapters.rest.spine.ErrorShape;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A surface's error body as a schema, read from what its {@link ErrorShape} actually writes for a sample error: the
 * top-level members are required; objects below them hold free-form details (string values).
 */
final class ErrorSchemas {
    private static final JsonProvider JSON = JsonProvider.provider();

    private ErrorSchemas() {
    }

    /** {@code ApiV1ErrorShape} is documented as {@code ApiV1Error}. */
    static String name(ErrorShape shape) {
        String simple = shape.getClass().getSimpleName();
        return simple.endsWith("Shape") ? simple.substring(0, simple.length() - "Shape".length()) : simple;
    }

    static String sample(ErrorShape shape) {
        return shape.body("VALIDATION_ERROR", "limit must be an integer", Map.of("field", "limit"));
    }

    static Schema of(ErrorShape shape) {
        String sample = sample(shape);
        JsonObject body;
        try (JsonReader reader = JSON.createReader(new StringReader(sample))) {
            body = reader.readObject();
        }
        Schema schema = object(body, true);
        schema.description("The error body of the surface mounted at /" + shape.mount() + ", for example " + sample);
        return schema;
    }

    private static Schema object(JsonObject o, boolean top) {
        Schema s = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        if (!top) {
            return s.additionalPropertiesSchema(OASFactory.createSchema().type(Schema.SchemaType.STRING))
                    .description("Details such as the field at fault");
        }
        List<String> required = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            s.addProperty(e.getKey(), value(e.getValue()));
            required.add(e.getKey());
        }
        return s.required(required);
    }

    private static Schema value(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> {
                JsonObject o = v.asJsonObject();
                Schema inner = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
                List<String> required = new ArrayList<>();
                for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                    if (e.getValue().getValueType() == JsonValue.ValueType.OBJECT) {
                        inner.addProperty(e.getKey(), object(e.getValue().asJsonObject(), false));
                    } else {
                        inner.addProperty(e.getKey(), value(e.getValue()));
                    }
                    required.add(e.getKey());
                }
                yield inner.required(required);
            }
            case ARRAY -> OASFactory.createSchema().type(Schema.SchemaType.ARRAY);
            case STRING -> OASFactory.createSchema().type(Schema.SchemaType.STRING);
            case NUMBER -> OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
            case TRUE, FALSE -> OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
            case NULL -> OASFactory.createSchema().nullable(true);
        };
    }
}
