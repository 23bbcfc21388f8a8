package io.quarterdeck.adapters.rest.apiv1.intake;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loki's label set as text, {@code {job="x", host="y"}} (the older push format and the protobuf stream labels). */
final class LabelSelector {
    private LabelSelector() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String s = text.strip();
        if (s.startsWith("{")) {
            s = s.substring(1);
        }
        if (s.endsWith("}")) {
            s = s.substring(0, s.length() - 1);
        }
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw new InvalidFieldException("labels", "must be {name=\"value\", ...}");
            }
            String name = s.substring(i, eq).strip();
            i = eq + 1;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n || s.charAt(i) != '"') {
                throw new InvalidFieldException("labels", "must be {name=\"value\", ...}");
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (i < n && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\' && i < n) {
                    char e = s.charAt(i++);
                    value.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                } else {
                    value.append(c);
                }
            }
            if (i >= n) {
                throw new InvalidFieldException("labels", "has an unterminated value");
            }
            i++;
            out.put(name, value.toString());
        }
        return out;
    }
}
