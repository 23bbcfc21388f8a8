package io.quarterdeck.domain.errors.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StackTraceNormalizerTest {
    private final StackTraceNormalizer normalizer = new StackTraceNormalizer();

    static Stream<Arguments> topInAppFrames() {
        List<String> java = List.of("com.acme.orders.persistence.OrderRepository.save",
                "com.acme.orders.OrderService.lambda$place", "com.acme.orders.OrderService$$Lambda.get");
        List<String> node = List.of("userService.js:UserService.toPublicProfiles",
                "userService.js:UserService.listActive", "userController.js:UserController.list");
        List<String> python = List.of("repository.py:save", "service.py:place_order", "api.py:create_order");
        List<String> production = List.of("main.chunk.js:getUser", "main.chunk.js:loadProfile");
        return Stream.of(
                Arguments.of("java", Traces.JAVA_LIBERTY, java),
                Arguments.of("java rebuilt", Traces.JAVA_LIBERTY_REBUILT, java),
                Arguments.of("node", Traces.NODE, node),
                Arguments.of("node redeployed", Traces.NODE_REDEPLOYED, node),
                Arguments.of("firefox dev", Traces.FIREFOX,
                        List.of("users.ts:fetchUser", "Profile.tsx:loadProfile", "Profile.tsx:Profile")),
                Arguments.of("firefox production", Traces.FIREFOX_PRODUCTION, production),
                Arguments.of("firefox other host", Traces.FIREFOX_PRODUCTION_OTHER_HOST, production),
                Arguments.of("python", Traces.PYTHON, python),
                Arguments.of("python reinstalled", Traces.PYTHON_REINSTALLED, python));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topInAppFrames")
    void framework_frames_are_skipped_when_in_app_frames_exist(String name, String trace, List<String> expected) {
        assertEquals(expected, normalizer.topFrames(trace, 3));
    }

    static Stream<Arguments> onlyFrameworkFrames() {
        return Stream.of(
                Arguments.of("java", Traces.JAVA_FRAMEWORK_ONLY, List.of(
                        "com.ibm.ws.threading.internal.ExecutorServiceImpl.execute",
                        "io.openliberty.microprofile.reactive.messaging.internal.Dispatcher.dispatch",
                        "java.util.concurrent.CompletableFuture$AsyncSupply.run")),
                Arguments.of("python", Traces.PYTHON_LIBRARY_ONLY, List.of(
                        "socket.py:create_connection",
                        "urllib3/util/connection.py:create_connection",
                        "urllib3/connection.py:_new_conn")),
                Arguments.of("node", """
                        Error: connect ECONNREFUSED 127.0.0.1:5432
                            at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)
                            at Socket.emit (node:events:517:28)
                        """, List.of("node:net:TCPConnectWrap.afterConnect", "node:events:Socket.emit")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlyFrameworkFrames")
    void top_frames_are_kept_as_they_are_when_none_is_in_app(String name, String trace, List<String> expected) {
        assertEquals(expected, normalizer.topFrames(trace, 3));
    }

    @Test
    void frames_of_a_java_cause_are_ignored() {
        List<String> all = StackTraceNormalizer.frames(Traces.JAVA_LIBERTY).stream().map(Frame::identity).toList();
        assertEquals("org.hibernate.internal.ExceptionConverterImpl.wrapStaleStateException", all.get(0));
        assertEquals("java.lang.Thread.run", all.get(all.size() - 1));
        assertFalse(all.contains("com.acme.orders.audit.AuditListener.onFlush"));
    }

    @Test
    void java_frames_of_the_cause_count_when_the_outer_exception_has_none() {
        String trace = """
                com.acme.orders.OrderFailedException: order failed
                Caused by: java.lang.IllegalStateException: stock exhausted
                \tat com.acme.orders.StockService.reserve(StockService.java:112)
                \tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)
                \t... 12 more
                """;
        assertEquals(List.of("com.acme.orders.StockService.reserve"), normalizer.topFrames(trace, 3));
    }

    @Test
    void only_the_last_python_traceback_counts() {
        List<String> all = StackTraceNormalizer.frames(Traces.PYTHON).stream().map(Frame::identity).toList();
        assertEquals(List.of("sqlalchemy/engine/default.py:do_execute", "sqlalchemy/orm/state_changes.py:_go",
                "<string>:commit", "sqlalchemy/orm/session.py:commit", "repository.py:save",
                "service.py:place_order", "api.py:create_order"), all);
    }

    @Test
    void frames_carry_no_line_numbers_columns_or_addresses() {
        for (String trace : List.of(Traces.JAVA_LIBERTY, Traces.NODE, Traces.FIREFOX, Traces.PYTHON)) {
            List<Frame> frames = StackTraceNormalizer.frames(trace);
            assertTrue(frames.size() >= 3, () -> "too few frames to check: " + frames);
            for (Frame frame : frames) {
                assertFalse(frame.identity().matches(".*(:\\d|0x|\\$\\d|line ).*"), frame.identity());
            }
        }
    }

    @Test
    void max_limits_the_frames() {
        assertEquals(List.of("userService.js:UserService.toPublicProfiles"), normalizer.topFrames(Traces.NODE, 1));
        assertEquals(List.of(), normalizer.topFrames(Traces.NODE, 0));
        assertEquals(6, normalizer.topFrames(Traces.JAVA_LIBERTY, 10).size());
        assertThrows(IllegalArgumentException.class, () -> normalizer.topFrames(Traces.NODE, -1));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   \n\t ", "something went wrong", "goroutine 1 [running]:\nmain.main()\n\t/app/main.go:12 +0x1d",
        "Traceback (most recent call last):\nKeyError: 'x'"})
    void blank_or_unparseable_traces_have_no_frames(String trace) {
        assertEquals(List.of(), normalizer.topFrames(trace, 3));
    }

    @Test
    void formats_are_recognized_from_the_first_frame_line() {
        assertEquals(TraceFormat.JAVA, TraceFormat.detect(Traces.JAVA_LIBERTY.lines().toList()));
        assertEquals(TraceFormat.JAVASCRIPT, TraceFormat.detect(Traces.NODE.lines().toList()));
        assertEquals(TraceFormat.JAVASCRIPT, TraceFormat.detect(Traces.FIREFOX.lines().toList()));
        assertEquals(TraceFormat.PYTHON, TraceFormat.detect(Traces.PYTHON.lines().toList()));
        assertEquals(TraceFormat.UNKNOWN, TraceFormat.detect(List.of("no frames here")));
    }

    @Test
    void in_app_detection_follows_the_documented_rules() {
        List<Frame> lodash = StackTraceNormalizer.frames(Traces.NODE).stream()
                .filter(f -> f.identity().startsWith("lodash/")).toList();
        List<Frame> sqlalchemy = StackTraceNormalizer.frames(Traces.PYTHON).stream()
                .filter(f -> f.identity().startsWith("sqlalchemy/")).toList();
        assertFalse(lodash.isEmpty(), "the Node trace has lodash frames");
        assertFalse(sqlalchemy.isEmpty(), "the Python trace has sqlalchemy frames");
        assertTrue(lodash.stream().noneMatch(Frame::inApp), lodash::toString);
        assertTrue(sqlalchemy.stream().noneMatch(Frame::inApp), sqlalchemy::toString);
        // The control: the application's own frames of the same traces are in-app.
        assertTrue(StackTraceNormalizer.frames(Traces.NODE).stream()
                .anyMatch(f -> f.identity().startsWith("userService.js:") && f.inApp()));
        assertTrue(StackTraceNormalizer.frames(Traces.PYTHON).stream()
                .anyMatch(f -> f.identity().equals("service.py:place_order") && f.inApp()));
    }

    static Stream<String> adversarial() {
        return Stream.of(
                "at ".repeat(20_000),
                "at a(".repeat(10_000),
                "@".repeat(60_000) + ":1",
                "a@" + "1:".repeat(30_000),
                "File \"" + "\", line ".repeat(7000),
                "\tat com.acme.Foo$$Lambda$" + "1$".repeat(30_000) + ".run(Foo.java:1)",
                "\tat com.acme.GeneratedAccessor" + "Accessor".repeat(7000) + "1.run(X.java:1)",
                "\tat " + "lambda$".repeat(9000) + "0(X.java:1)",
                ("    at f (/app/src/" + "a.".repeat(40) + "js:1:1)\n").repeat(600));
    }

    @ParameterizedTest
    @MethodSource("adversarial")
    void adversarial_64kb_traces_do_not_hang(String trace) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> normalizer.topFrames(trace, 3));
    }

    /** Reading stops after the last in-app frame that can be chosen; what is chosen is the same. */
    @Test
    void stopping_after_enough_in_app_frames_chooses_the_same_frames() {
        List<String> traces = List.of(Traces.JAVA_LIBERTY, Traces.JAVA_LIBERTY_REBUILT, Traces.JAVA_FRAMEWORK_ONLY, Traces.NODE, Traces.NODE_REDEPLOYED, Traces.FIREFOX, Traces.FIREFOX_PRODUCTION, Traces.FIREFOX_PRODUCTION_OTHER_HOST, Traces.PYTHON, Traces.PYTHON_REINSTALLED, Traces.PYTHON_LIBRARY_ONLY,
                Traces.JAVA_LIBERTY.replace("com.acme", "org.jboss"), Traces.NODE.replace("/app/", "/node_modules/"));
        for (String trace : traces) {
            for (int max = 0; max <= 6; max++) {
                List<String> fromEveryFrame = StackTraceNormalizer.select(StackTraceNormalizer.frames(trace), max);
                assertEquals(fromEveryFrame, normalizer.topFrames(trace, max), "max " + max + " of\n" + trace);
            }
        }
    }
}
