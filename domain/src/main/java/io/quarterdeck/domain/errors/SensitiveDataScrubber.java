package io.quarterdeck.domain.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes secrets before anything is stored. Context entries whose key contains a sensitive term (compared
 * without case, underscores, dashes or dots, so {@code X-Api-Key}, {@code api_key} and {@code apiKey} are one
 * term) become {@value #FILTERED}, at any depth. Card-number-like digit runs (13-19 digits passing the Luhn
 * check) are masked to their last four digits in the message and in every string value. Query parameters of the
 * url with sensitive names are filtered too.
 */
public final class SensitiveDataScrubber {
    public static final String FILTERED = "[Filtered]";
    public static final List<String> DEFAULT_KEYS = List.of("password", "passwd", "pwd", "secret", "token",
            "api_key", "apikey", "authorization", "cookie", "session", "credential", "private_key", "passphrase");

    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "([A-Za-z][A-Za-z0-9_.-]{0,63})(\\s*[=:]\\s*\"?)(?!\\[Filtered])([^\\s\",;&]+)");
    private static final Pattern QUERY_PARAM = Pattern.compile("([?&])([^=&#]{1,256})=([^&#]*)");

    private final Set<String> terms;

    public SensitiveDataScrubber(List<String> sensitiveKeys) {
        this.terms = sensitiveKeys.stream().map(SensitiveDataScrubber::canonical).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public static SensitiveDataScrubber withDefaults() {
        return new SensitiveDataScrubber(DEFAULT_KEYS);
    }

    /** The report with its context, message, stack trace and url scrubbed. */
    public ErrorReport scrub(ErrorReport r) {
        return new ErrorReport(r.level(), maskCards(r.message()), maskCards(r.stackTrace()), scrubMap(r.context()),
                r.source(), r.environment(), scrubUrl(r.url()), r.clientFingerprint());
    }

    /** Whether a key (a context key, a log label, a {@code key=value} in a log line) names a secret. */
    public boolean isSensitiveKey(String key) {
        return isSensitive(key);
    }

    /**
     * One free-text line (a log line) scrubbed: card numbers masked, and the value of every {@code key=value} or
     * {@code key: value} whose key is sensitive (e.g. {@code password=hunter2}) replaced by {@value #FILTERED}.
     */
    public String scrubText(String text) {
        if (text == null) {
            return null;
        }
        String out = maskCards(text);
        if (!maySayASecret(out)) {
            return out;
        }
        return filterKeyValues(out);
    }

    /** {@link #KEY_VALUE}'s replacement on its own, with no pre-check (what {@link #maySayASecret} must agree with). */
    String filterKeyValues(String out) {
        Matcher m = KEY_VALUE.matcher(out);
        StringBuilder sb = null;
        while (m.find()) {
            if (isSensitive(m.group(1))) {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + FILTERED));
            }
        }
        if (sb == null) {
            return out;
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Whether {@link #KEY_VALUE} can find a sensitive key in the text: a necessary condition, checked in one pass so
     * that most log lines never reach the regex (whose backtracking over every word was most of the CPU of log
     * intake). A key of the regex is 1 to 64 characters of {@code [A-Za-z0-9_.-]} followed by optional whitespace and
     * {@code =} or {@code :}; so every key lies within the last 64 such characters before a separator, and since
     * {@link #canonical} maps character by character, a key's canonical form is a substring of that run's. If no
     * run's canonical form contains a term, no key's does, and the regex would replace nothing.
     */
    boolean maySayASecret(String text) {
        for (int sep = 0; sep < text.length(); sep++) {
            char c = text.charAt(sep);
            if (c != '=' && c != ':') {
                continue;
            }
            int end = sep;
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && end - start < 64 && isKeyChar(text.charAt(start - 1))) {
                start--;
            }
            if (start < end && isSensitive(text.substring(start, end))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-';
    }

    boolean isSensitive(String key) {
        String k = canonical(key);
        for (String term : terms) {
            if (k.contains(term)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Object> scrubMap(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, isSensitive(k) && v != null ? FILTERED : scrubValue(v)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private Object scrubValue(Object v) {
        if (v instanceof String s) {
            return maskCards(s);
        }
        if (v instanceof Map<?, ?> m) {
            return scrubMap((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(e -> out.add(scrubValue(e)));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof java.math.BigDecimal n && n.scale() <= 0 && n.precision() >= 13 && n.precision() <= 19
                && luhn(n.toPlainString())) {
            return mask(n.toPlainString());
        }
        return v;
    }

    private String scrubUrl(String url) {
        if (url == null || url.indexOf('?') < 0) {
            return url;
        }
        Matcher m = QUERY_PARAM.matcher(url);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = isSensitive(m.group(2)) ? m.group(1) + m.group(2) + "=" + FILTERED : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return maskCards(sb.toString());
    }

    static String maskCards(String s) {
        if (s == null || s.length() < 13 || !hasLongDigitRun(s)) {
            return s;
        }
        Matcher m = CARD.matcher(s);
        StringBuilder sb = null;
        while (m.find()) {
            String digits = digitsOnly(m.group());
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(mask(digits)));
            }
        }
        if (sb == null) {
            return s;
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Whether some run of at least 13 digits, single spaces or dashes between them, occurs: a necessary condition
     * for {@link #CARD}, checked in one pass so that most strings (stack traces, messages) never reach the regex.
     */
    static boolean hasLongDigitRun(String s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= 13) {
                    return true;
                }
            } else if (!((c == ' ' || c == '-') && digits > 0 && i + 1 < s.length()
                    && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9')) {
                digits = 0;
            }
        }
        return false;
    }

    private static String digitsOnly(String run) {
        StringBuilder sb = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c != ' ' && c != '-') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String mask(String digits) {
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** Lower-case ASCII letters and digits only; every other character is dropped (no regex: this runs per key). */
    static String canonical(String key) {
        if (key == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean keep = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (keep && sb == null) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(key.length()).append(key, 0, i);
            }
            if (keep) {
                sb.append(c);
            } else {
                char lower = Character.toLowerCase(c);
                if (lower >= 'a' && lower <= 'z') {
                    sb.append(lower);
                } else {
                    String folded = String.valueOf(c).toLowerCase(Locale.ROOT);
                    for (int j = 0; j < folded.length(); j++) {
                        char f = folded.charAt(j);
                        if (f >= 'a' && f <= 'z' || f >= '0' && f <= '9') {
                            sb.append(f);
                        }
                    }
                }
            }
        }
        return sb == null ? key : sb.toString();
    }
}
