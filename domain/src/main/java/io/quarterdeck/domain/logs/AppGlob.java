package io.quarterdeck.domain.logs;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.regex.Pattern;

/**
 * A glob over source names, as seed 003's {@code app=scraper_*}: {@code *} any run of characters, {@code ?} one;
 * letters, digits and {@code _ - . :} otherwise, at most 200 characters. Anything else is a 400 naming the field.
 */
public record AppGlob(String pattern) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.:*?/-]{1,200}");

    public AppGlob {
        if (pattern == null || !ALLOWED.matcher(pattern).matches()) {
            throw new InvalidFieldException("app", "must be a name or a glob of letters, digits, _ - . : / with * and ?");
        }
    }

    public static AppGlob parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new AppGlob(raw.strip());
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(field, "must be a name or a glob of letters, digits, _ - . : / with * and ?");
        }
    }

    public boolean isLiteral() {
        return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
    }

    public boolean matches(String name) {
        return name != null && regex().matcher(name).matches();
    }

    /** The glob as an SQL {@code LIKE} pattern with {@code \} as the escape character. */
    public String toLike() {
        StringBuilder sb = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> sb.append('%');
                case '?' -> sb.append('_');
                case '%', '_', '\\' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private Pattern regex() {
        StringBuilder sb = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
