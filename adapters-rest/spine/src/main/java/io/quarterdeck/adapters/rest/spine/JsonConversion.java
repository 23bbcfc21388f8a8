package io.quarterdeck.adapters.rest.spine;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts JSON-P values to the plain Java values the core holds (String, BigDecimal, Boolean, null, List, Map). */
public final class JsonConversion {
    private JsonConversion() {
    }

    public static Object toJava(JsonValue v) {
        if (v == null) {
            return null;
        }
        return switch (v.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) v).forEach(e -> list.add(toJava(e)));
                yield list;
            }
            case OBJECT -> toMap((JsonObject) v);
        };
    }

    public static Map<String, Object> toMap(JsonObject o) {
        Map<String, Object> map = new LinkedHashMap<>();
        o.forEach((k, e) -> map.put(k, toJava(e)));
        return map;
    }
}
