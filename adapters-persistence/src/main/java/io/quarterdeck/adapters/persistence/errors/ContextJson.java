package io.quarterdeck.adapters.persistence.errors;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Context maps as compact JSON text in a column; numbers come back as {@code BigDecimal}. */
final class ContextJson {
    /** Looked up once: {@code Json.createXxx} searches for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ContextJson() {
    }

    static String write(Map<String, Object> map) {
        return object(map).build().toString();
    }

    static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try (JsonReader r = JSON.createReader(new StringReader(json))) {
            return toMap(r.readObject());
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonObjectBuilder object(Map<String, ?> map) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        map.forEach((k, v) -> {
            if (v == null) {
                b.addNull(k);
            } else if (v instanceof String s) {
                b.add(k, s);
            } else if (v instanceof Boolean bool) {
                b.add(k, bool);
            } else if (v instanceof Number n) {
                b.add(k, new BigDecimal(n.toString()));
            } else if (v instanceof Map<?, ?> m) {
                b.add(k, object((Map<String, ?>) m));
            } else if (v instanceof List<?> l) {
                b.add(k, array(l));
            } else {
                b.add(k, v.toString());
            }
        });
        return b;
    }

    @SuppressWarnings("unchecked")
    private static JsonArrayBuilder array(List<?> list) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        for (Object v : list) {
            if (v == null) {
                b.addNull();
            } else if (v instanceof String s) {
                b.add(s);
            } else if (v instanceof Boolean bool) {
                b.add(bool);
            } else if (v instanceof Number n) {
                b.add(new BigDecimal(n.toString()));
            } else if (v instanceof Map<?, ?> m) {
                b.add(object((Map<String, ?>) m));
            } else if (v instanceof List<?> l) {
                b.add(array(l));
            } else {
                b.add(v.toString());
            }
        }
        return b;
    }

    private static Map<String, Object> toMap(JsonObject o) {
        Map<String, Object> map = new LinkedHashMap<>();
        o.forEach((k, v) -> map.put(k, toJava(v)));
        return Collections.unmodifiableMap(map);
    }

    private static Object toJava(JsonValue v) {
        return switch (v.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case OBJECT -> toMap((JsonObject) v);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) v).forEach(e -> list.add(toJava(e)));
                yield Collections.unmodifiableList(list);
            }
        };
    }
}
