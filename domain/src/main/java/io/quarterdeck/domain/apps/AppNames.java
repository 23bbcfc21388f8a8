package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.Text;

/** Names of apps, groups and parents: 1 to 128 printable characters without spaces or glob characters. */
public final class AppNames {
    public static final int MAX = 128;

    private AppNames() {
    }

    public static String name(String field, String raw) {
        String v = Text.line(field, raw, MAX);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isWhitespace(c) || c == '*' || c == '?' || c == '/' || c == '\\') {
                throw new InvalidFieldException(field, "must not contain spaces, '/', '\\', '*' or '?'");
            }
        }
        return v;
    }

    /** An optional name: null stays null. */
    public static String optional(String field, String raw) {
        return raw == null ? null : name(field, raw);
    }

    /**
     * True when the glob ({@code *} any run of characters, {@code ?} one character) matches the whole name; the
     * greedy matcher with one backtrack point, linear in practice and never exponential.
     */
    public static boolean globMatches(String glob, String name) {
        int g = 0;
        int s = 0;
        int star = -1;
        int mark = 0;
        while (s < name.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(s))) {
                g++;
                s++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                mark = s;
            } else if (star >= 0) {
                g = star + 1;
                s = ++mark;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
