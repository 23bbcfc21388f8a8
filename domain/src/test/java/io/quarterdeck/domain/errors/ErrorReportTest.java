package io.quarterdeck.domain.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorReportTest {
    private static final ErrorReportLimits LIMITS = ErrorReportLimits.defaults();

    static ErrorReport report(String message, String stack, Map<String, ?> context) {
        return ErrorReport.validated(LIMITS, ErrorLevel.ERROR, message, stack, context, "s", null, null, null);
    }

    @ParameterizedTest
    @CsvSource({"error,ERROR", "warning,WARNING", "info,INFO", "debug,DEBUG", "ERROR,ERROR", "' Info ',INFO",
        "WaRnInG,WARNING"})
    void known_levels_parse(String wire, ErrorLevel expected) {
        ErrorLevel parsed = ErrorLevel.parse("level", wire);
        assertEquals(expected, parsed);
        assertEquals(wire.strip().toLowerCase(java.util.Locale.ROOT), parsed.wireName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fatal", "", "err"})
    void unknown_levels_name_the_field(String level) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> ErrorLevel.parse("level", level));
        assertEquals("level", e.field());
    }

    @Test
    void message_is_required_and_not_blank() {
        assertEquals("message", assertThrows(InvalidFieldException.class, () -> report(null, null, null)).field());
        assertEquals("message", assertThrows(InvalidFieldException.class, () -> report(" \n", null, null)).field());
    }

    @Test
    void sizes_are_bounded_per_field() {
        FieldTooLargeException m = assertThrows(FieldTooLargeException.class, () -> report("m".repeat(8193), null, null));
        assertEquals("message", m.field());
        FieldTooLargeException s = assertThrows(FieldTooLargeException.class,
                () -> report("m", "s".repeat(65_537), null));
        assertEquals("stack_trace", s.field());
        FieldTooLargeException c = assertThrows(FieldTooLargeException.class,
                () -> report("m", null, Map.of("k", "v".repeat(17_000))));
        assertEquals("context", c.field());
    }

    @Test
    void context_depth_is_bounded() {
        Map<String, Object> deep = new HashMap<>();
        Map<String, Object> cur = deep;
        for (int i = 0; i < 10; i++) {
            Map<String, Object> next = new HashMap<>();
            cur.put("n", next);
            cur = next;
        }
        assertEquals("context", assertThrows(InvalidFieldException.class, () -> report("m", null, deep)).field());
    }

    @Test
    void context_values_are_frozen_into_json_values_and_nulls_survive() {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("n", 3);
        ctx.put("none", null);
        ctx.put("list", List.of(1L, "a"));
        ErrorReport r = report("m", null, ctx);
        assertInstanceOf(BigDecimal.class, r.context().get("n"));
        assertNull(r.context().get("none"));
        assertEquals(List.of(new BigDecimal("1"), "a"), r.context().get("list"));
        assertThrows(UnsupportedOperationException.class, () -> r.context().put("x", "y"));
    }

    @Test
    void blank_optional_fields_become_absent() {
        ErrorReport r = ErrorReport.validated(LIMITS, ErrorLevel.INFO, "m", " ", null, "", " ", null, null);
        assertNull(r.stackTrace());
        assertNull(r.source());
        assertNull(r.environment());
    }
}
