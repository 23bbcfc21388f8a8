package io.quarterdeck.domain.errors.fingerprint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python traceback frames: {@code File "/srv/app/orders/service.py", line 42, in place_order}; source lines, caret
 * lines, the {@code Traceback} header and the final exception line are not frames. With chained exceptions only
 * the last traceback counts (the exception that actually propagated). The identity is {@code file:function},
 * where the file is the path after the last {@code site-packages/} or {@code dist-packages/}, else after a
 * standard-library root ({@code lib/python3.x/}, Windows {@code PythonXY/Lib/}), else the file name alone;
 * pseudo-files such as {@code <frozen importlib._bootstrap>} stay as they are. Those library, standard-library,
 * {@code <frozen ...>} and {@code <string>} (generated code) frames are not in-app. Frames are returned innermost
 * first, the reverse of the printed order.
 */
final class PythonFrames {
    private static final String HEADER = "Traceback (most recent call last)";
    private static final Pattern STDLIB = Pattern.compile(
            "(?i)(?:^|/)lib/python\\d++(?:\\.\\d++)?/|(?:^|/)python\\d*+/lib/");

    private PythonFrames() {
    }

    /** Frames of the last traceback, innermost first. */
    static List<Frame> parse(List<String> lines) {
        List<Frame> frames = new ArrayList<>();
        for (String raw : lines) {
            String line = unindent(raw);
            if (line.contains(HEADER)) {
                frames = new ArrayList<>();
                continue;
            }
            Frame frame = parseLine(line);
            if (frame != null) {
                frames.add(frame);
            }
        }
        Collections.reverse(frames);
        return frames;
    }

    /** Whether a stripped line is a traceback header or a frame line. */
    static boolean isTracebackLine(String line) {
        String l = unindent(line);
        return l.contains(HEADER) || parseLine(l) != null;
    }

    /** The frame on an unindented line, or {@code null} when the line is no frame line. */
    static Frame parseLine(String line) {
        if (!line.startsWith("File \"")) {
            return null;
        }
        int end = line.lastIndexOf("\", line ");
        if (end < 6) {
            return null;
        }
        String rest = line.substring(end + 8);
        int digits = 0;
        while (digits < rest.length() && Character.isDigit(rest.charAt(digits))) {
            digits++;
        }
        if (digits == 0) {
            return null;
        }
        int in = rest.indexOf(", in ", digits);
        String function = in < 0 ? "<unknown>" : rest.substring(in + 5).strip();
        String path = FilePaths.slashes(line.substring(6, end));
        return new Frame(file(path) + ":" + function, !isLibrary(path));
    }

    static String file(String path) {
        if (path.startsWith("<")) {
            return path;
        }
        String site = FilePaths.afterLast(path, "site-packages/");
        String dist = FilePaths.afterLast(path, "dist-packages/");
        if (site != null || dist != null) {
            return site == null ? dist : dist == null ? site : site.length() < dist.length() ? site : dist;
        }
        Matcher m = STDLIB.matcher(path);
        int after = -1;
        while (m.find()) {
            after = m.end();
        }
        return after >= 0 ? path.substring(after) : FilePaths.basename(path);
    }

    static boolean isLibrary(String path) {
        return path.contains("site-packages/") || path.contains("dist-packages/") || STDLIB.matcher(path).find()
                || path.startsWith("<frozen") || path.equals("<string>");
    }

    /** Strips indentation and the {@code |} margins Python draws around exception groups. */
    private static String unindent(String raw) {
        int i = 0;
        while (i < raw.length() && (raw.charAt(i) == '|' || Character.isWhitespace(raw.charAt(i)))) {
            i++;
        }
        return raw.substring(i).stripTrailing();
    }
}
