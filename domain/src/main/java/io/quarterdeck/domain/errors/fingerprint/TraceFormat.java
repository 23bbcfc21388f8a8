package io.quarterdeck.domain.errors.fingerprint;

import java.util.List;

/** The language a stack trace was printed by, recognized from its first frame-like line. */
enum TraceFormat {
    JAVA, JAVASCRIPT, PYTHON, UNKNOWN;

    static TraceFormat detect(List<String> lines) {
        for (String raw : lines) {
            String line = raw.strip();
            if (PythonFrames.isTracebackLine(line)) {
                return PYTHON;
            }
            if (JavaFrames.parseLine(line) != null) {
                return JAVA;
            }
            if (JavaScriptFrames.parseLine(line) != null) {
                return JAVASCRIPT;
            }
        }
        return UNKNOWN;
    }
}
