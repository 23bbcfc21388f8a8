package io.quarterdeck.adapters.observability.loki;

import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * LogQL from a {@link LogQuery}, built here and nowhere else: the source as a stream selector on the {@code service}
 * label (a glob becomes a regex matcher), the level as a matcher on the {@code level} label, the search as a
 * case-insensitive line filter. Every value is escaped, so no filter can change the query's structure.
 */
final class LogQl {
    private LogQl() {
    }

    static String of(LogQuery q) {
        List<String> matchers = new ArrayList<>();
        if (q.sourceId() != null) {
            matchers.add("service=\"" + quote(q.sourceId()) + "\"");
        } else if (q.app() != null) {
            matchers.add("service=~\"" + quote(globRegex(q.app().pattern())) + "\"");
        } else {
            matchers.add("service=~\".+\"");
        }
        if (q.exactLevel() != null) {
            matchers.add("level=\"" + q.exactLevel().name() + "\"");
        } else if (q.minLevel() != null && q.minLevel().ordinal() > 0) {
            List<String> levels = new ArrayList<>();
            for (LogLevel l : LogLevel.values()) {
                if (l.atLeast(q.minLevel())) {
                    levels.add(l.name());
                }
            }
            matchers.add("level=~\"" + String.join("|", levels) + "\"");
        }
        StringBuilder s = new StringBuilder("{").append(String.join(", ", matchers)).append('}');
        if (q.search() != null) {
            s.append(" |~ \"(?i)").append(quote(regexLiteral(q.search()))).append('"');
        }
        return s.toString();
    }

    /** A LogQL string literal's content. */
    static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String regexLiteral(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.^$|?*+()[]{}".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String globRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(regexLiteral(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
