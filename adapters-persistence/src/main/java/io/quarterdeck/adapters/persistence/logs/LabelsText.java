package io.quarterdeck.adapters.persistence.logs;

import java.util.Map;
import java.util.TreeMap;

/** Labels as a flat JSON object of strings in one column, written and read without a JSON library. */
final class LabelsText {
    private LabelsText() {
    }

    static String write(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder(64).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            quote(sb, e.getKey()).append(':');
            quote(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /** Reads what {@link #write} wrote. */
    static Map<String, String> read(String text) {
        Map<String, String> out = new TreeMap<>();
        if (text == null || text.length() < 2) {
            return out;
        }
        int[] pos = {1};
        while (pos[0] < text.length()) {
            skip(text, pos);
            if (pos[0] >= text.length() || text.charAt(pos[0]) == '}') {
                break;
            }
            String key = string(text, pos);
            skip(text, pos);
            pos[0]++; // ':'
            skip(text, pos);
            out.put(key, string(text, pos));
            skip(text, pos);
            if (pos[0] < text.length() && text.charAt(pos[0]) == ',') {
                pos[0]++;
            }
        }
        return out;
    }

    private static void skip(String t, int[] pos) {
        while (pos[0] < t.length() && Character.isWhitespace(t.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static String string(String t, int[] pos) {
        StringBuilder sb = new StringBuilder();
        int i = pos[0] + 1; // past the opening quote
        while (i < t.length()) {
            char c = t.charAt(i++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i < t.length()) {
                char n = t.charAt(i++);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(t.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        pos[0] = i;
        return sb.toString();
    }
}
