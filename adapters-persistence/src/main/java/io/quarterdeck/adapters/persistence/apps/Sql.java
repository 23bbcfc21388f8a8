package io.quarterdeck.adapters.persistence.apps;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Shared by the apps stores: times, JSON text columns, LIKE patterns, parameters, the connection of the transaction. */
final class Sql {
    private static final JsonProvider JSON = JsonProvider.provider();

    private Sql() {
    }

    static <T> T on(EntityManager em, DataSource ds, JdbcInJpaTransaction.Work<T> work) {
        return JdbcInJpaTransaction.call(em, ds, work);
    }

    static OffsetDateTime time(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            ps.setObject(i + 1, p instanceof Instant t ? time(t) : p);
        }
    }

    /** A LIKE pattern (escape {@code !}) for a case-insensitive substring. */
    static String contains(String s) {
        return "%" + escape(s.toLowerCase(java.util.Locale.ROOT)) + "%";
    }

    /** A LIKE pattern (escape {@code !}) for a glob: {@code *} any run, {@code ?} one character. */
    static String glob(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append('%');
                case '?' -> sb.append('_');
                case '%', '_', '!' -> sb.append('!').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static String writeObject(Map<String, Object> map) {
        return object(map).build().toString();
    }

    static String writeStrings(List<String> list) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        list.forEach(b::add);
        return b.build().toString();
    }

    static Map<String, Object> readObject(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try (JsonReader r = JSON.createReader(new StringReader(json))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) value(r.readObject());
            return m;
        }
    }

    static List<String> readStrings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try (JsonReader r = JSON.createReader(new StringReader(json))) {
            return r.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    private static Object value(JsonValue v) {
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
                yield java.util.Collections.unmodifiableList(l);
            }
            case OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                ((JsonObject) v).forEach((k, e) -> m.put(k, value(e)));
                yield java.util.Collections.unmodifiableMap(m);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static JsonObjectBuilder object(Map<String, ?> map) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        map.forEach((k, v) -> b.add(k, json(v)));
        return b;
    }

    @SuppressWarnings("unchecked")
    private static JsonValue json(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof String s) {
            return JSON.createValue(s);
        }
        if (v instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Number n) {
            return JSON.createValue(new BigDecimal(n.toString()));
        }
        if (v instanceof Map<?, ?> m) {
            return object((Map<String, ?>) m).build();
        }
        if (v instanceof List<?> l) {
            JsonArrayBuilder b = JSON.createArrayBuilder();
            l.forEach(e -> b.add(json(e)));
            return b.build();
        }
        return JSON.createValue(v.toString());
    }
}
