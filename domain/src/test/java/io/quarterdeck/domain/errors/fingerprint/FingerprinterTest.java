package io.quarterdeck.domain.errors.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprinterTest {
    private final Fingerprinter fingerprinter = new Fingerprinter();

    /** One reported error: message, stack trace, source. */
    record Report(String message, String stackTrace, String source) {
        Fingerprint fingerprint(Fingerprinter f) {
            return f.compute(message, stackTrace, source);
        }
    }

    static Stream<Arguments> sameError() {
        return Stream.of(
                Arguments.of("java: other build, other order id",
                        new Report("Order 4711 could not be saved", Traces.JAVA_LIBERTY, "backend"),
                        new Report("Order 9913 could not be saved", Traces.JAVA_LIBERTY_REBUILT, "backend")),
                Arguments.of("java: CGLIB and JDK proxy suffixes",
                        new Report("boom", "x\n\tat com.acme.A$$EnhancerBySpringCGLIB$$1a2b3c.run(A.java:1)\n"
                                + "\tat jdk.proxy2.$Proxy45.run(Unknown Source)\n", "backend"),
                        new Report("boom", "x\n\tat com.acme.A$$EnhancerBySpringCGLIB$$9f8e7d.run(A.java:3)\n"
                                + "\tat jdk.proxy3.$Proxy112.run(Unknown Source)\n", "backend")),
                Arguments.of("node: other install path and lines",
                        new Report("TypeError: Cannot read properties of undefined (reading 'email')", Traces.NODE,
                                "backend"),
                        new Report("TypeError: Cannot read properties of undefined (reading 'phone')",
                                Traces.NODE_REDEPLOYED, "backend")),
                Arguments.of("browser: other host and bundle hash",
                        new Report("NetworkError when attempting to fetch resource.", Traces.FIREFOX_PRODUCTION,
                                "frontend"),
                        new Report("NetworkError when attempting to fetch resource.",
                                Traces.FIREFOX_PRODUCTION_OTHER_HOST, "frontend")),
                Arguments.of("python: other interpreter, install root and lines",
                        new Report("IntegrityError: duplicate key value violates unique constraint \"users_email_key\"",
                                Traces.PYTHON, "worker"),
                        new Report("IntegrityError: duplicate key value violates unique constraint \"users_email_key\"",
                                Traces.PYTHON_REINSTALLED, "worker")),
                Arguments.of("source case and padding",
                        new Report("boom", null, "Backend"), new Report("boom", null, " backend ")),
                Arguments.of("message beyond the second line",
                        new Report("boom\nat step 1\nrequest id 1", null, null),
                        new Report("boom\nat step 2\nrequest id 2 of batch 9", null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameError")
    void the_same_error_gets_the_same_fingerprint(String name, Report a, Report b) {
        assertEquals(a.fingerprint(fingerprinter), b.fingerprint(fingerprinter));
    }

    static Stream<Arguments> differentErrors() {
        return Stream.of(
                Arguments.of("java: other in-app function",
                        new Report("boom", Traces.JAVA_LIBERTY, "backend"),
                        new Report("boom", Traces.JAVA_LIBERTY.replace("OrderRepository.save(OrderRepository",
                                "OrderRepository.saveAll(OrderRepository"), "backend")),
                Arguments.of("node: other in-app function",
                        new Report("boom", Traces.NODE, "backend"),
                        new Report("boom", Traces.NODE.replace("UserService.listActive", "UserService.listAll"),
                                "backend")),
                Arguments.of("python: other in-app function",
                        new Report("boom", Traces.PYTHON, "backend"),
                        new Report("boom", Traces.PYTHON.replace("in place_order", "in cancel_order"), "backend")),
                Arguments.of("browser: other file",
                        new Report("boom", Traces.FIREFOX_PRODUCTION, "frontend"),
                        new Report("boom", Traces.FIREFOX_PRODUCTION.replace("/main.", "/admin."), "frontend")),
                Arguments.of("other source",
                        new Report("boom", Traces.NODE, "backend"), new Report("boom", Traces.NODE, "frontend")),
                Arguments.of("source absent",
                        new Report("boom", Traces.NODE, "backend"), new Report("boom", Traces.NODE, null)),
                Arguments.of("other exception type",
                        new Report("TypeError: x is not a function", null, "frontend"),
                        new Report("RangeError: x is not a function", null, "frontend")),
                Arguments.of("stack trace present or not",
                        new Report("boom", Traces.NODE, "backend"), new Report("boom", null, "backend")),
                Arguments.of("message part cannot leak into the source part",
                        new Report("ab", null, "c"), new Report("a", null, "bc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentErrors")
    void different_errors_get_different_fingerprints(String name, Report a, Report b) {
        assertNotEquals(a.fingerprint(fingerprinter), b.fingerprint(fingerprinter));
    }

    @Test
    void fingerprints_are_32_lowercase_hex_and_deterministic() {
        Fingerprint a = fingerprinter.compute("boom", Traces.JAVA_LIBERTY, "backend");
        assertTrue(a.value().matches("[0-9a-f]{32}"));
        assertEquals(a, new Fingerprinter().compute("boom", Traces.JAVA_LIBERTY, "backend"));
        assertTrue(fingerprinter.compute(null, null, null).value().matches("[0-9a-f]{32}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ default }}", "{{default}}", "{{  default\t}}", " {{ default }} "})
    void a_lone_default_part_is_the_default_fingerprint(String part) {
        Fingerprint expected = fingerprinter.compute("boom", Traces.NODE, "backend");
        assertEquals(expected, fingerprinter.compute("boom", Traces.NODE, "backend", List.of(part)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ DEFAULT }}", "{ default }", "{{ default }} x", "default"})
    void other_parts_are_not_the_default_marker(String part) {
        assertNotEquals(fingerprinter.compute("boom", null, null),
                fingerprinter.compute("boom", null, null, List.of(part)));
    }

    @Test
    void null_or_empty_client_fingerprint_is_the_default() {
        Fingerprint expected = fingerprinter.compute("boom", Traces.PYTHON, "worker");
        assertEquals(expected, fingerprinter.compute("boom", Traces.PYTHON, "worker", null));
        assertEquals(expected, fingerprinter.compute("boom", Traces.PYTHON, "worker", List.of()));
    }

    @Test
    void a_client_fingerprint_wins_and_is_stable() {
        Fingerprint custom = fingerprinter.compute("boom", Traces.NODE, "backend", List.of("my-group"));
        assertNotEquals(fingerprinter.compute("boom", Traces.NODE, "backend"), custom);
        assertEquals(custom, fingerprinter.compute("other message", Traces.PYTHON, "frontend", List.of("my-group")));
        assertEquals(custom, new Fingerprinter().compute("boom", Traces.NODE, "backend", List.of("my-group")));
    }

    @Test
    void default_part_expands_to_the_default_fingerprint() {
        List<String> tenantA = List.of("{{ default }}", "tenant-a");
        List<String> tenantB = List.of("{{ default }}", "tenant-b");
        Fingerprint a = fingerprinter.compute("boom", Traces.NODE, "backend", tenantA);
        assertNotEquals(a, fingerprinter.compute("boom", Traces.NODE, "backend", tenantB));
        assertNotEquals(fingerprinter.compute("boom", Traces.NODE, "backend"), a);
        assertEquals(a, fingerprinter.compute("boom", Traces.NODE_REDEPLOYED, "backend", tenantA));
        assertNotEquals(a, fingerprinter.compute("crash", Traces.NODE, "backend", tenantA));
        Fingerprint defaultValue = fingerprinter.compute("boom", Traces.NODE, "backend");
        assertEquals(a, fingerprinter.compute("ignored", null, null, List.of(defaultValue.value(), "tenant-a")));
    }

    static Stream<Arguments> distinctClientFingerprints() {
        return Stream.of(
                Arguments.of(List.of("ab", "c"), List.of("a", "bc")),
                Arguments.of(List.of("a", ""), List.of("a")),
                Arguments.of(List.of("a|b"), List.of("a", "b")),
                Arguments.of(List.of("x", "y"), List.of("y", "x")),
                Arguments.of(Arrays.asList("a", null), List.of("a", "")));
    }

    @ParameterizedTest
    @MethodSource("distinctClientFingerprints")
    void client_parts_are_joined_unambiguously(List<String> a, List<String> b) {
        assertNotEquals(fingerprinter.compute("m", null, null, a), fingerprinter.compute("m", null, null, b));
    }

    @Test
    void any_client_values_give_a_valid_fingerprint() {
        List<String> odd = new ArrayList<>(List.of("", " ", "ünïcødé ✓", "\u0000", "x".repeat(2048), "{{"));
        odd.add(null);
        assertTrue(fingerprinter.compute("m", null, null, odd).value().matches("[0-9a-f]{32}"));
    }

    @Test
    void grouping_version_is_one() {
        assertEquals(1, Fingerprinter.GROUPING_VERSION);
    }
}
