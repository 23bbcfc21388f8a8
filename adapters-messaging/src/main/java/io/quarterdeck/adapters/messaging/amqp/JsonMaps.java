package io.quarterdeck.adapters.messaging.amqp;

import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message body (UTF-8 JSON object) as a map of JSON-like values; anything else is an invalid {@code body}. */
final class JsonMaps {
    static final int MAX_DEPTH = 16;
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonMaps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidFieldException("body", "is not valid UTF-8");
        }
        try (JsonReader r = JSON.createReader(new java.io.StringReader(text))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidFieldException("body", "must be a JSON object");
            }
            return (Map<String, Object>) value(v, 0);
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidFieldException("body", "is not valid JSON");
        }
    }

    private static Object value(JsonValue v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidFieldException("body", "is nested deeper than " + MAX_DEPTH + " levels");
        }
        return switch (v.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonValue e : (JsonArray) v) {
                    l.add(value(e, depth + 1));
                }
                yield l;
            }
            case OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                ((JsonObject) v).forEach((k, e) -> m.put(k, value(e, depth + 1)));
                yield m;
            }
        };
    }
}
