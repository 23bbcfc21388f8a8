package io.quarterdeck.domain.errors.fingerprint;

import java.util.List;

/**
 * Extracts the frames that identify where an error happened, normalized so that rebuilds, redeployments and
 * generated code do not change them.
 *
 * <p>Recognizes Java (and other JVM) traces, JavaScript traces (V8 {@code "    at fn (file:line:col)"}, Firefox
 * and Safari {@code "fn@file:line:col"}) and Python tracebacks from their first frame-like line. Every frame
 * becomes an identity without line numbers, columns or addresses:
 * <ul>
 *   <li>Java: {@code class.method}, e.g. {@code com.acme.orders.OrderService.place}; module prefixes and generated
 *   suffixes (lambdas, proxies, CGLIB, reflection accessors) removed; the outermost exception's frames only.</li>
 *   <li>JavaScript: {@code file:function}, e.g. {@code user.js:UserService.getUser}; for application code the
 *   file name only (so install roots and hosts do not matter) without bundle content hashes; for dependencies the
 *   path inside {@code node_modules/}.</li>
 *   <li>Python: {@code file:function}, e.g. {@code service.py:place_order} for application code and
 *   {@code sqlalchemy/engine/base.py:_execute_context} for installed packages and the standard library.</li>
 * </ul>
 *
 * <p>A frame is in-app unless it belongs to the runtime or a framework or library: for Java, packages such as
 * {@code java.}, {@code jakarta.}, {@code org.jboss.}, {@code com.ibm.}, {@code io.openliberty.},
 * {@code org.hibernate.}, {@code org.springframework.} and generated proxies; for JavaScript, {@code node_modules/},
 * Node internals, built-ins, eval code and browser extensions; for Python, {@code site-packages/},
 * {@code dist-packages/}, the standard library, {@code <frozen ...>} and {@code <string>}.
 */
public final class StackTraceNormalizer {

    public StackTraceNormalizer() {
    }

    /**
     * Up to {@code max} normalized frames, innermost first: the in-app frames when there is at least one, otherwise
     * the top frames as they are. Python's innermost frame is its last printed one. Empty for {@code null}, blank
     * or unrecognized input.
     *
     * @throws IllegalArgumentException when {@code max} is negative
     */
    public List<String> topFrames(String stackTrace, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        if (max == 0 || stackTrace == null || stackTrace.isBlank()) {
            return List.of();
        }
        return select(frames(stackTrace, max), max);
    }

    /** Every recognized frame, innermost first. */
    static List<Frame> frames(String stackTrace) {
        return frames(stackTrace, Integer.MAX_VALUE);
    }

    /**
     * The recognized frames, innermost first, up to the {@code enoughInApp}-th in-app one where the format prints
     * the innermost first (Java, JavaScript): {@link #select} takes nothing after it.
     */
    static List<Frame> frames(String stackTrace, int enoughInApp) {
        List<String> lines = stackTrace.lines().toList();
        return switch (TraceFormat.detect(lines)) {
            case JAVA -> JavaFrames.parse(lines, enoughInApp);
            case JAVASCRIPT -> JavaScriptFrames.parse(lines, enoughInApp);
            case PYTHON -> PythonFrames.parse(lines);
            case UNKNOWN -> List.of();
        };
    }

    static List<String> select(List<Frame> frames, int max) {
        boolean anyInApp = frames.stream().anyMatch(Frame::inApp);
        return frames.stream()
                .filter(f -> !anyInApp || f.inApp())
                .limit(max)
                .map(Frame::identity)
                .toList();
    }
}
