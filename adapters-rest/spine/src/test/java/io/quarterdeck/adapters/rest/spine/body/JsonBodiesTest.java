package io.quarterdeck.adapters.rest.spine.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

    private static InvalidFieldException refused(String text) {
        return assertThrows(InvalidFieldException.class,
                () -> JsonBodies.parse(text.getBytes(StandardCharsets.UTF_8), JSON), text);
    }

    @Test
    void the_runtime_reader_alone_accepts_trailing_content_which_is_why_this_parser_exists() {
        try (JsonReader r = Json.createReader(new StringReader("{\"role\":\"developer\"} xyz"))) {
            assertEquals("developer", r.readValue().asJsonObject().getString("role"));
        }
    }

    @Test
    void trailing_content_after_the_value_is_a_400_naming_body() {
        for (String text : new String[] {"{\"role\":\"developer\"} xyz", "{}{}", "{\"role\":\"developer\"}\u0000", "[1] 2"}) {
            assertEquals("body", refused(text).field());
        }
    }

    @Test
    void malformed_empty_and_deep_bodies_are_400s_naming_body() {
        for (String text : new String[] {"{", "", "   ", "{\"a\":}", "[".repeat(2_000) + "]".repeat(2_000),
                "[".repeat(65) + "]".repeat(65), "nul", "1e"}) {
            assertEquals("body", refused(text).field());
        }
    }

    @Test
    void brackets_inside_strings_do_not_count_as_nesting_and_64_levels_pass() {
        String deep = "[".repeat(64) + "]".repeat(64);
        assertEquals(JsonValue.ValueType.ARRAY, JsonBodies.parse(deep.getBytes(StandardCharsets.UTF_8), JSON).getValueType());
        String quoted = "{\"a\":\"" + "[{".repeat(500) + "\\\"\"}";
        assertEquals("[{".repeat(500) + "\"", JsonBodies.parse(quoted.getBytes(StandardCharsets.UTF_8), JSON)
                .asJsonObject().getString("a"));
    }

    @Test
    void utf16_and_utf32_bodies_are_read_when_declared() {
        String text = "{\"name\":\"caf\u00e9 \ud83d\ude00\"}";
        for (String cs : new String[] {"UTF-16", "UTF-16LE", "utf-32be", "\"utf-8\""}) {
            MediaType type = new MediaType("application", "json", Map.of("charset", cs));
            String charset = cs.replace("\"", "");
            assertEquals("caf\u00e9 \ud83d\ude00", JsonBodies.parse(text.getBytes(java.nio.charset.Charset.forName(charset)), type)
                    .asJsonObject().getString("name"));
        }
    }

    @Test
    void an_unknown_or_non_unicode_charset_is_unsupported_naming_content_type() {
        for (String cs : new String[] {"klingon", "ISO-2022-JP", "windows-1252", "x"}) {
            MediaType type = new MediaType("application", "json", Map.of("charset", cs));
            UnsupportedBodyException e = assertThrows(UnsupportedBodyException.class,
                    () -> JsonBodies.parse("{}".getBytes(StandardCharsets.UTF_8), type));
            assertEquals("Content-Type", e.field());
        }
    }

    @Test
    void bytes_invalid_in_the_charset_are_a_400_not_replacement_characters() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
        assertEquals("body", assertThrows(InvalidFieldException.class, () -> JsonBodies.parse(bad, JSON)).field());
    }
}
