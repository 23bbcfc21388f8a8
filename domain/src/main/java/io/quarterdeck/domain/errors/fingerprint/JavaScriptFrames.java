package io.quarterdeck.domain.errors.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JavaScript frames in V8 form ({@code at fn (file:line:col)}, {@code at file:line:col}) and Firefox/Safari form
 * ({@code fn@file:line:col}). The identity is {@code file:function}: line and column, query string, fragment,
 * scheme and host are dropped; the file is the path after the last {@code node_modules/} for dependencies, the
 * whole specifier for Node internals ({@code node:...}, {@code internal/...}) and the file name alone for
 * application code, with bundle content hashes removed ({@code main.3f2a1b9c.chunk.js} becomes
 * {@code main.chunk.js}, {@code index-BjZ8a1Qx.js} becomes {@code index.js}). Built-ins ({@code <native>}), eval
 * code ({@code <eval>}), Node internals, {@code node_modules} and browser-extension code are not in-app.
 */
final class JavaScriptFrames {
    static final String NATIVE = "<native>";
    static final String EVAL = "<eval>";
    static final String ANONYMOUS = "<anonymous>";

    private static final Set<String> SAFARI_SCOPES = Set.of("global code", "module code", "eval code");
    private static final Set<String> EXTENSION_SCHEMES = Set.of(
            "chrome-extension", "moz-extension", "safari-extension", "safari-web-extension", "resource", "chrome");

    private JavaScriptFrames() {
    }

    /**
     * All frames, innermost first (as printed); stops at a nested {@code [cause]}, and after the
     * {@code enoughInApp}-th in-app frame.
     */
    static List<Frame> parse(List<String> lines, int enoughInApp) {
        List<Frame> frames = new ArrayList<>();
        int inApp = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[cause]:") && !frames.isEmpty()) {
                break;
            }
            Frame frame = parseLine(line);
            if (frame != null) {
                frames.add(frame);
                if (frame.inApp() && ++inApp >= enoughInApp) {
                    break;
                }
            }
        }
        return frames;
    }

    /** The frame on a stripped line, or {@code null} when the line is no JavaScript frame. */
    static Frame parseLine(String line) {
        if (line.startsWith("at ")) {
            return v8(line.substring(3).strip());
        }
        int at = line.indexOf('@');
        return at < 0 ? null : firefox(line.substring(0, at), line.substring(at + 1).strip());
    }

    private static Frame v8(String body) {
        if (body.isEmpty()) {
            return null;
        }
        int open = body.indexOf(" (");
        if (open > 0 && body.endsWith(")")) {
            return frame(body.substring(0, open), body.substring(open + 2, body.length() - 1));
        }
        return frame("", body);
    }

    private static Frame firefox(String function, String location) {
        if (!location.equals("[native code]") && stripLineColumn(location).length() == location.length()) {
            return null;
        }
        String name = function.substring(function.lastIndexOf('*') + 1);
        if (!SAFARI_SCOPES.contains(name)) {
            for (int i = 0; i < name.length(); i++) {
                if (Character.isWhitespace(name.charAt(i))) {
                    return null;
                }
            }
        }
        return frame(name, location);
    }

    private static Frame frame(String rawFunction, String rawLocation) {
        String function = function(rawFunction);
        String location = rawLocation.strip();
        if (location.startsWith("eval at ") || location.startsWith("debugger eval code")) {
            return new Frame(EVAL + ":" + function, false);
        }
        String scheme = scheme(location);
        String path = path(location);
        if (path.startsWith("node:") || path.startsWith("internal/")) {
            return new Frame(path + ":" + function, false);
        }
        if (path.indexOf('/') < 0 && path.indexOf('.') < 0) {
            return new Frame(NATIVE + ":" + function, false);
        }
        String dependency = FilePaths.afterLast(path, "node_modules/");
        if (dependency != null) {
            return new Frame(withoutContentHash(dependency) + ":" + function, false);
        }
        String file = withoutContentHash(FilePaths.basename(path));
        return new Frame(file + ":" + function, !EXTENSION_SCHEMES.contains(scheme));
    }

    /** The function name without {@code async}/{@code new}, aliases and Firefox's {@code /<} suffixes. */
    static String function(String raw) {
        String f = raw.strip();
        if (f.startsWith("async ")) {
            f = f.substring(6).strip();
        }
        if (f.startsWith("new ")) {
            f = f.substring(4).strip();
        }
        int alias = f.indexOf(" [as ");
        if (alias > 0 && f.endsWith("]")) {
            f = f.substring(0, alias);
        }
        while (f.endsWith("/<")) {
            f = f.substring(0, f.length() - 2);
        }
        return f.isEmpty() ? ANONYMOUS : f;
    }

    /** The location reduced to a path: no line/column, query, fragment, scheme or host; forward slashes. */
    static String path(String location) {
        String p = stripLineColumn(location);
        int query = indexOfAny(p, '?', '#');
        if (query >= 0) {
            p = p.substring(0, query);
        }
        p = FilePaths.slashes(p);
        int sep = p.indexOf("://");
        if (sep > 0 && isScheme(p.substring(0, sep))) {
            String rest = p.substring(sep + 3);
            int slash = rest.indexOf('/');
            p = slash < 0 ? "" : rest.substring(slash);
        }
        return p;
    }

    private static String scheme(String location) {
        int sep = location.indexOf("://");
        return sep > 0 && isScheme(location.substring(0, sep)) ? location.substring(0, sep) : "";
    }

    /** Removes up to two trailing {@code :digits} groups. */
    static String stripLineColumn(String s) {
        String out = s;
        for (int n = 0; n < 2; n++) {
            int j = out.length();
            while (j > 0 && Character.isDigit(out.charAt(j - 1))) {
                j--;
            }
            if (j == out.length() || j == 0 || out.charAt(j - 1) != ':') {
                break;
            }
            out = out.substring(0, j - 1);
        }
        return out;
    }

    /**
     * The file name (or path) without bundler content hashes: middle dot-segments of 6+ hex characters with a
     * digit ({@code main.3f2a1b9c.chunk.js}), a trailing {@code -hash} on the first segment (8+ hex characters with
     * a digit, or Rollup/Vite's 8 base64url characters with a digit or capital letter), and a first segment that
     * is itself such a hex hash (as {@code <hash>}).
     */
    static String withoutContentHash(String path) {
        int slash = path.lastIndexOf('/');
        String dir = path.substring(0, slash + 1);
        String name = path.substring(slash + 1);
        String[] segments = name.split("\\.", -1);
        if (segments.length < 2) {
            return path;
        }
        StringBuilder out = new StringBuilder(dir);
        String first = segments[0];
        out.append(isHexHash(first, 8) ? "<hash>" : withoutDashHash(first));
        for (int i = 1; i < segments.length; i++) {
            if (i < segments.length - 1 && isHexHash(segments[i], 6)) {
                continue;
            }
            out.append('.').append(segments[i]);
        }
        return out.toString();
    }

    private static String withoutDashHash(String segment) {
        int dash = segment.lastIndexOf('-');
        if (dash > 0 && isHexHash(segment.substring(dash + 1), 8)) {
            return segment.substring(0, dash);
        }
        int n = segment.length();
        if (n >= 10 && segment.charAt(n - 9) == '-' && isBase64Hash(segment.substring(n - 8))) {
            return segment.substring(0, n - 9);
        }
        return segment;
    }

    private static boolean isHexHash(String s, int minLength) {
        if (s.length() < minLength) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean isDigit = c >= '0' && c <= '9';
            if (!isDigit && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F')) {
                return false;
            }
            digit |= isDigit;
        }
        return digit;
    }

    private static boolean isBase64Hash(String s) {
        boolean digitOrCapital = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lower = c >= 'a' && c <= 'z';
            boolean other = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!lower && !other && c != '_' && c != '-') {
                return false;
            }
            digitOrCapital |= other;
        }
        return digitOrCapital;
    }

    private static boolean isScheme(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
