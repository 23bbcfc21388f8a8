package io.quarterdeck.adapters.rest.spine.body;

import jakarta.annotation.Priority;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON-P body parameter ({@link JsonValue} and its subtypes) through {@link JsonBodies}, in place of the
 * runtime's own reader, so a malformed, trailing, too-deep or wrongly encoded body is a 400 naming {@code body} (an
 * unknown charset a 415 naming {@code Content-Type}) on every endpoint alike.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Priority(Priorities.USER - 500)
public class JsonValueReader implements MessageBodyReader<JsonValue> {
    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public JsonValue readFrom(Class<JsonValue> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                              MultivaluedMap<String, String> headers, InputStream in) {
        JsonValue value = JsonBodies.parse(BoundedBody.readAll(in), mediaType);
        if (!type.isInstance(value)) {
            Class<?> wanted = type;
            throw new InvalidFieldException("body", wanted == JsonObject.class ? "must be a JSON object"
                    : wanted == JsonArray.class ? "must be a JSON array" : "has the wrong JSON type");
        }
        return value;
    }
}
