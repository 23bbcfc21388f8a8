package io.quarterdeck.domain.errors.fingerprint;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces an error message to its template, so that messages differing only in variable values group together.
 *
 * <p>Only the first two lines count (split on {@code \r\n}, {@code \n} or {@code \r}); each is trimmed, runs of
 * whitespace become one space, and a blank second line is dropped. Then, in this order, values become
 * placeholders: {@code <email>}, {@code <url>} ({@code scheme://...}), {@code <uuid>}, {@code <ip>} (IPv4 and
 * IPv6, with optional port), {@code <date>} (ISO-8601, slashed, dotted and month-name dates, with an optional
 * time), {@code <time>} ({@code 10:30:45}, {@code 10:30 PM}), {@code <hex>} ({@code 0x...} literals, and runs of 8+
 * hex characters holding both a digit and a letter, such as hashes and git shas; all-digit runs stay numbers),
 * {@code <duration>} ({@code 150ms}, {@code 2.5s}, {@code 3m}, {@code 10 minutes}, {@code 1h30m}), {@code <num>}
 * (integers, decimals, negatives, and every digit run inside a word, so {@code worker-3} becomes
 * {@code worker-<num>}), {@code <str>} (text in double quotes, single quotes or backticks; an apostrophe inside a
 * word, as in {@code can't}, is not a quote) and {@code <bool>} ({@code true}/{@code false}, any case).
 *
 * <p>Case is kept: {@code TypeError} and {@code typeerror} are different templates. Every pattern is possessive
 * or bounded and starts at a boundary, so normalization stays linear on adversarial input.
 */
public final class MessageNormalizer {
    static final String EMAIL = "<email>";
    static final String URL = "<url>";
    static final String UUID = "<uuid>";
    static final String IP = "<ip>";
    static final String DATE = "<date>";
    static final String TIME = "<time>";
    static final String HEX = "<hex>";
    static final String DURATION = "<duration>";
    static final String NUM = "<num>";
    static final String STR = "<str>";
    static final String BOOL = "<bool>";

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\n|\\r");
    private static final Pattern WHITESPACE = Pattern.compile("[\\h\\x0B\\f\\u0085\\u2028\\u2029]++");

    private static final String H4 = "[0-9A-Fa-f]{1,4}";
    private static final String IPV6 = "(?:(?:" + H4 + ":){7}" + H4
            + "|(?:" + H4 + "(?::" + H4 + "){0,6})?::(?:" + H4 + "(?::" + H4 + "){0,6})?)";
    private static final String IPV4 = "\\d{1,3}(?:\\.\\d{1,3}){3}";
    private static final String PORT = "(?::\\d{1,5})?";

    private static final String MONTH = "(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\\.?";
    private static final String DAY = "(?i:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?"
            + "|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)(?![A-Za-z])";
    private static final String CLOCK = "\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?";
    private static final String ZONE = "(?:Z|\\h?[+-]\\d{2}(?::?\\d{2})?|\\h?(?:UTC|GMT))";
    private static final String ISO_DATE = "\\d{4}-\\d{2}-\\d{2}(?:[T\\h]" + CLOCK + ZONE + "?)?";
    private static final String NUMERIC_DATE = "(?:\\d{4}/\\d{1,2}/\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{2,4}"
            + "|\\d{1,2}\\.\\d{1,2}\\.\\d{4})(?:[\\hT]" + CLOCK + ZONE + "?)?";
    private static final String NAMED_DATE = "(?:" + DAY + ",?\\h)?(?:" + MONTH + "\\h\\d{1,2}(?:st|nd|rd|th)?,?\\h\\d{4}"
            + "|\\d{1,2}\\h" + MONTH + ",?\\h\\d{4})(?:,?\\h" + CLOCK + ZONE + "?)?";
    private static final String CTIME = DAY + "\\h" + MONTH + "\\h{1,2}\\d{1,2}\\h" + CLOCK
            + "(?:\\h[A-Z]{3,4})?\\h\\d{4}";

    private static final String SHORT_UNIT = "(?:ns|us|µs|μs|ms|s|m|h|d|w)";
    private static final String LONG_UNIT = "(?:msecs?|millis(?:econds?)?|micros(?:econds?)?|nanos(?:econds?)?"
            + "|ms|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?)";
    private static final String ONE_DURATION = "\\d++(?:\\.\\d++)?(?:" + SHORT_UNIT + "|\\h?" + LONG_UNIT
            + ")(?![A-Za-z])";

    // Each rule names text its pattern cannot match without (a character every match contains), so that a message
    // without it skips the pattern's scan: the result is the same, only cheaper.
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?<![\\w.%+-])[\\w.%+-]++@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++"), EMAIL,
                    t -> t.indexOf('@') >= 0),
            new Rule(Pattern.compile("(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}+://[^\\s\"'`]*+"), URL,
                    t -> t.contains("://")),
            new Rule(Pattern.compile("(?<![0-9A-Za-z])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}"
                    + "-[0-9A-Fa-f]{12}(?![0-9A-Za-z])"), UUID, t -> t.indexOf('-') >= 0),
            new Rule(Pattern.compile("\\[" + IPV6 + "(?:%[\\w.]{1,16}+)?\\]" + PORT
                    + "|(?<![\\w.])" + IPV4 + PORT + "(?!\\w|\\.\\d)"
                    + "|(?<![\\w:.])" + IPV6 + "(?:%[\\w.]{1,16}+)?(?![\\w:]|\\.\\d)"), IP,
                    t -> t.indexOf(':') >= 0 || t.indexOf('.') >= 0),
            new Rule(Pattern.compile("(?<!\\w)(?:" + ISO_DATE + "|" + NUMERIC_DATE + "|" + CTIME + "|" + NAMED_DATE
                    + ")(?!\\w)"), DATE, MessageNormalizer::hasDigit),
            new Rule(Pattern.compile("(?<![\\w:.])\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?Z?(?:\\h?[AaPp][Mm])?"
                    + "|\\h?[AaPp][Mm])(?![\\w:]|\\.\\d)"), TIME, t -> t.indexOf(':') >= 0),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])0[xX][0-9A-Fa-f]++(?![A-Za-z0-9])"), HEX,
                    t -> t.indexOf('x') >= 0 || t.indexOf('X') >= 0),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])[0-9A-Fa-f]{8,}+(?![A-Za-z0-9])"), HEX,
                    MessageNormalizer::hasDigit, MessageNormalizer::hasDigitAndLetter),
            new Rule(Pattern.compile("(?<![\\w.])" + ONE_DURATION + "(?:\\h?" + ONE_DURATION + ")*+"), DURATION,
                    MessageNormalizer::hasDigit),
            new Rule(Pattern.compile("(?:(?<![\\w.])-)?\\d++(?:[.,]\\d++)*+"), NUM, MessageNormalizer::hasDigit),
            new Rule(Pattern.compile("\"[^\"\\r\\n]*+\"|“[^”\\r\\n]*+”"), STR,
                    t -> t.indexOf('"') >= 0 || t.indexOf('“') >= 0),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])'[^'\\r\\n]*+'(?![A-Za-z0-9])"), STR, t -> t.indexOf('\'') >= 0),
            new Rule(Pattern.compile("`[^`\\r\\n]*+`"), STR, t -> t.indexOf('`') >= 0),
            new Rule(Pattern.compile("(?<![A-Za-z0-9_])(?i:true|false)(?![A-Za-z0-9_])"), BOOL,
                    t -> containsIgnoringCase(t, "true") || containsIgnoringCase(t, "false")));

    public MessageNormalizer() {
    }

    /** The template of a message; the empty string for {@code null}. */
    public String normalize(String message) {
        return normalize(message, true);
    }

    /** {@link #normalize} with every pattern scanned, whether its text occurs or not: the shortcuts' reference. */
    String normalizeScanningEverything(String message) {
        return normalize(message, false);
    }

    private static String normalize(String message, boolean shortcuts) {
        if (message == null) {
            return "";
        }
        String[] lines = LINE_BREAK.split(message.strip(), 3);
        String first = collapse(lines[0]);
        String second = lines.length > 1 ? collapse(lines[1]) : "";
        String text = second.isEmpty() ? first : first + "\n" + second;
        for (Rule rule : RULES) {
            text = shortcuts ? rule.apply(text) : rule.scan(text);
        }
        return text;
    }

    private static String collapse(String line) {
        return WHITESPACE.matcher(line.strip()).replaceAll(" ");
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoringCase(String s, String word) {
        for (int i = 0; i + word.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigitAndLetter(String s) {
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < s.length() && !(digit && letter); i++) {
            char c = s.charAt(i);
            digit |= c >= '0' && c <= '9';
            letter |= !(c >= '0' && c <= '9');
        }
        return digit && letter;
    }

    /**
     * One placeholder substitution; {@code candidate} is false for text the pattern cannot match (it is only a
     * shortcut), {@code when} may veto single matches.
     */
    record Rule(Pattern pattern, String placeholder, Predicate<String> candidate, Predicate<String> when) {
        Rule(Pattern pattern, String placeholder, Predicate<String> candidate) {
            this(pattern, placeholder, candidate, s -> true);
        }

        String apply(String text) {
            return candidate.test(text) ? scan(text) : text;
        }

        String scan(String text) {
            Matcher m = pattern.matcher(text);
            if (!m.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            int last = 0;
            do {
                out.append(text, last, m.start());
                out.append(when.test(m.group()) ? placeholder : m.group());
                last = m.end();
            } while (m.find());
            return out.append(text, last, text.length()).toString();
        }
    }
}
