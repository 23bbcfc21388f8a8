package io.quarterdeck.domain.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for JSON-like values held by the core: {@code String}, {@code BigDecimal}, {@code Boolean},
 * {@code null}, {@code List} of such values and {@code Map<String, ?>} of such values.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** A deep, unmodifiable copy; numbers become {@code BigDecimal}; anything else is rejected. */
    public static Map<String, Object> freeze(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, freezeValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object freezeValue(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof Map<?, ?> m) {
            return freeze((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(e -> copy.add(freezeValue(e)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }

    /** An upper estimate of the size of the value written as compact JSON, in characters. */
    public static long estimatedSize(Object v) {
        if (v == null) {
            return 4;
        }
        if (v instanceof String s) {
            long escaped = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\' || c < 0x20) {
                    escaped++;
                }
            }
            return s.length() + 2L + escaped * 5;
        }
        if (v instanceof Map<?, ?> m) {
            long size = 2;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                size += estimatedSize(String.valueOf(e.getKey())) + 2 + estimatedSize(e.getValue());
            }
            return size;
        }
        if (v instanceof List<?> l) {
            long size = 2;
            for (Object e : l) {
                size += estimatedSize(e) + 1;
            }
            return size;
        }
        return v.toString().length();
    }

    /** Depth of nesting: a scalar is 0, a flat map or list is 1. */
    public static int depth(Object v) {
        if (v instanceof Map<?, ?> m) {
            int max = 0;
            for (Object e : m.values()) {
                max = Math.max(max, depth(e));
            }
            return max + 1;
        }
        if (v instanceof List<?> l) {
            int max = 0;
            for (Object e : l) {
                max = Math.max(max, depth(e));
            }
            return max + 1;
        }
        return 0;
    }
}
