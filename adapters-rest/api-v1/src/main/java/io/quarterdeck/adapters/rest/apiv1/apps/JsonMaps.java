package io.quarterdeck.adapters.rest.apiv1.apps;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON body as the map of JSON-like values the core's report schema reads ({@code Reports}). */
final class JsonMaps {
    private JsonMaps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(JsonObject o) {
        return (Map<String, Object>) value(o);
    }

    static Object value(JsonValue v) {
        return switch (v.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonValue e : (JsonArray) v) {
                    l.add(value(e));
                }
                yield l;
            }
            case OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                ((JsonObject) v).forEach((k, e) -> m.put(k, value(e)));
                yield m;
            }
        };
    }
}
