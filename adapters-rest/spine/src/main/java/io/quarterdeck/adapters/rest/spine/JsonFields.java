package io.quarterdeck.adapters.rest.spine;

import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads fields of a JSON request body with the type checks that turn a wrong body into a 400 naming the field. */
public final class JsonFields {
    private JsonFields() {
    }

    /** The body as an object; a missing body, an array or a scalar is a 400. */
    public static JsonObject object(JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidFieldException("body", "must be a JSON object");
        }
        return body.asJsonObject();
    }

    /** A string field, or null when absent or JSON null. */
    public static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidFieldException(name, "must be a string");
        }
        return ((JsonString) v).getString();
    }

    public static String required(JsonObject o, String name) {
        String s = string(o, name);
        if (s == null || s.isEmpty()) {
            throw new InvalidFieldException(name, "is required");
        }
        return s;
    }

    /** A list of strings, or null when absent. */
    public static List<String> strings(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY || v.asJsonArray().size() > 20) {
            throw new InvalidFieldException(name, "must be a list of at most 20 strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : v.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidFieldException(name, "must be a list of strings");
            }
            out.add(((JsonString) item).getString());
        }
        return out;
    }

    /** A boolean, or null when absent. */
    public static Boolean bool(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE || v.getValueType() == JsonValue.ValueType.TRUE
                || v.getValueType() == JsonValue.ValueType.FALSE) {
            return v.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw new InvalidFieldException(name, "must be true or false");
    }

    /** A number (a JSON number, finite), or null when absent or JSON null. */
    public static Double number(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new InvalidFieldException(name, "must be a number");
        }
        double d = ((jakarta.json.JsonNumber) v).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new InvalidFieldException(name, "must be a finite number");
        }
        return d;
    }

    /** A string or a number given as text (such as a duration {@code 300} or {@code "5m"}), or null when absent. */
    public static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v != null && v.getValueType() == JsonValue.ValueType.NUMBER) {
            return v.toString();
        }
        return string(o, name);
    }

    /** An ISO-8601 instant between the years 1970 and 9999 ({@link QueryParameters#instant}), or null when absent. */
    public static Instant instant(JsonObject o, String name) {
        return QueryParameters.instant(name, string(o, name));
    }
}
