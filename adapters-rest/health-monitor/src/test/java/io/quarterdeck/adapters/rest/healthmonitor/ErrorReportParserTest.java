package io.quarterdeck.adapters.rest.healthmonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.application.port.in.errors.IngestErrorCommand;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorReportParserTest {

    static JsonValue json(String s) {
        return Json.createReader(new StringReader(s)).readValue();
    }

    @Test
    void every_documented_field_is_read_and_unknown_fields_ignored() {
        IngestErrorCommand c = ErrorReportParser.parse(json("{\"level\":\"error\",\"message\":\"m\",\"stack_trace\":\"s\","
                + "\"context\":{\"n\":1,\"l\":[true,null]},\"source\":\"backend\",\"environment\":\"prod\","
                + "\"url\":\"u\",\"fingerprint\":[\"a\",\"b\"],\"whatever\":1}"), "ua", "1.2.3.4");
        assertEquals("error", c.level());
        assertEquals("m", c.message());
        assertEquals("s", c.stackTrace());
        assertEquals(new BigDecimal("1"), c.context().get("n"));
        assertEquals(java.util.Arrays.asList(true, null), c.context().get("l"));
        assertEquals("backend", c.source());
        assertEquals("prod", c.environment());
        assertEquals("u", c.url());
        assertEquals(List.of("a", "b"), c.fingerprint());
        assertEquals("ua", c.userAgent());
        assertEquals("1.2.3.4", c.ipAddress());
    }

    @Test
    void nulls_are_absent_and_a_single_fingerprint_string_is_one_part() {
        IngestErrorCommand c = ErrorReportParser.parse(json("{\"message\":\"m\",\"context\":null,\"fingerprint\":\"x\"}"),
                null, null);
        assertEquals("m", c.message());
        assertNull(c.level());
        assertNull(c.context());
        assertNull(c.stackTrace());
        assertNull(c.source());
        assertNull(c.environment());
        assertNull(c.url());
        assertEquals(List.of("x"), c.fingerprint());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[]|body", "1|body", "{\"message\":1}|message", "{\"level\":true}|level",
        "{\"context\":\"x\"}|context", "{\"fingerprint\":{}}|fingerprint", "{\"fingerprint\":[1]}|fingerprint",
        "{\"url\":[]}|url"})
    void wrong_types_name_the_field(String body, String field) {
        assertEquals(field, assertThrows(InvalidFieldException.class,
                () -> ErrorReportParser.parse(json(body), null, null)).field());
    }
}
