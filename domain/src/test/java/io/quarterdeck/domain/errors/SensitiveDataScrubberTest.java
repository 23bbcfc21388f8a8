package io.quarterdeck.domain.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveDataScrubberTest {
    private final SensitiveDataScrubber scrubber = SensitiveDataScrubber.withDefaults();

    static ErrorReport withContext(Map<String, Object> context) {
        return new ErrorReport(ErrorLevel.ERROR, "m", null, context, null, null, null, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "user_password", "secret", "client-secret", "token", "access_token",
        "api_key", "apiKey", "X-Api-Key", "Authorization", "cookie", "Set-Cookie", "session", "session_id",
        "credentials", "private_key"})
    void sensitive_keys_are_filtered(String key) {
        assertTrue(scrubber.isSensitive(key), key);
        ErrorReport r = scrubber.scrub(withContext(Map.of(key, "value")));
        assertEquals(SensitiveDataScrubber.FILTERED, r.context().get(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_id", "author", "request_id", "path", "additional_data"})
    void ordinary_keys_are_kept(String key) {
        assertFalse(scrubber.isSensitive(key), key);
        ErrorReport r = scrubber.scrub(withContext(Map.of(key, "value", "password", "hunter2")));
        assertEquals("value", r.context().get(key), key);
        assertEquals(SensitiveDataScrubber.FILTERED, r.context().get("password"), "the control key is scrubbed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "X-Api-Key", "API.KEY", "api_key_2", "PaSsWoRd", "\u0130D", "\u212Aey",
        "Stra\u00dfe", "\u00c9t\u00e9-Token", "\ud83d\udd11key", "a b\tc", "123-456", "\u03a3\u03c3\u03c2"})
    void key_canonicalisation_matches_lower_case_letters_and_digits_only(String key) {
        String expected = key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        assertEquals(expected, SensitiveDataScrubber.canonical(key), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "x 1234567890123 y",
        "1-2-3-4-5-6-7-8-9-0-1-2-3", "at line 1234567890123"})
    void the_digit_run_precheck_lets_every_candidate_through(String s) {
        assertTrue(SensitiveDataScrubber.hasLongDigitRun(s), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"at Foo.bar(Foo.java:123456)", "123456789012", "1234 5678  9012 3456", "12--34567890123",
        "v1.2.3.4.5.6.7.8.9.0.1.2.3", "2026-11-22 12:00:00.123456"})
    void the_digit_run_precheck_stops_strings_the_card_pattern_cannot_match(String s) {
        assertFalse(SensitiveDataScrubber.hasLongDigitRun(s), s);
        assertEquals(s, SensitiveDataScrubber.maskCards(s));
    }

    @Test
    void nested_maps_and_lists_are_scrubbed() {
        ErrorReport r = scrubber.scrub(withContext(Map.of("outer", Map.of("password", "p", "ok", "v"),
                "list", List.of(Map.of("token", "t")))));
        @SuppressWarnings("unchecked")
        Map<String, Object> outer = (Map<String, Object>) r.context().get("outer");
        assertEquals("[Filtered]", outer.get("password"));
        assertEquals("v", outer.get("ok"));
        assertEquals(List.of(Map.of("token", "[Filtered]")), r.context().get("list"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "card 4111111111111111 declined|card ************1111 declined",
        "card 4111-1111-1111-1111|card ************1111",
        "card 4111 1111 1111 1111 x|card ************1111 x",
        "order 4111111111111112 ok|order 4111111111111112 ok",
        "id 1234567890123|id 1234567890123",
        "amex 378282246310005|amex ***********0005"})
    void card_numbers_passing_luhn_are_masked(String in, String out) {
        assertEquals(out, SensitiveDataScrubber.maskCards(in));
    }

    @Test
    void card_numbers_in_messages_and_numeric_values_are_masked() {
        ErrorReport r = scrubber.scrub(new ErrorReport(ErrorLevel.ERROR, "charge 4111111111111111 failed", null,
                Map.of("pan", new BigDecimal("4111111111111111")), null, null, null, List.of()));
        assertEquals("charge ************1111 failed", r.message());
        assertEquals("************1111", r.context().get("pan"));
    }

    @Test
    void sensitive_query_parameters_are_filtered() {
        ErrorReport r = scrubber.scrub(new ErrorReport(ErrorLevel.ERROR, "m", null, Map.of(), null, null,
                "https://x.example/cb?code=1&access_token=abc&page=2#frag", List.of()));
        assertEquals("https://x.example/cb?code=1&access_token=[Filtered]&page=2#frag", r.url());
    }

    @Test
    void the_key_list_is_configurable() {
        SensitiveDataScrubber custom = new SensitiveDataScrubber(List.of("ssn"));
        ErrorReport r = custom.scrub(withContext(Map.of("ssn", "123", "password", "kept")));
        assertEquals("[Filtered]", r.context().get("ssn"));
        assertEquals("kept", r.context().get("password"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "login ok password=hunter2 user=bob|login ok password=[Filtered] user=bob",
        "xpassword=1|xpassword=[Filtered]",
        "Session :  \"abc\" next|Session :  \"[Filtered]\" next",
        "the session expired; token refreshed id=42|the session expired; token refreshed id=42",
        "a.b-c_api_key=zz|a.b-c_api_key=[Filtered]"})
    void secrets_in_a_line_are_filtered_and_words_that_are_no_keys_stay(String line, String expected) {
        assertEquals(expected, scrubber.scrubText(line));
    }

    @Test
    void the_pre_check_never_skips_a_line_the_regex_would_change() {
        // Random lines over an alphabet of keys, separators, spaces and key characters: wherever the regex on its
        // own changes a line, the pre-check must have let it through, and scrubText must equal the regex's result.
        java.util.Random random = new java.util.Random(15);
        String[] parts = {"password", "Token", "api", "_", "key", "sess", "ion", "id", "x", "9", "-", ".", " ", "  ",
            "\t", "=", ":", "\"", ";", "&", ",", "[Filtered]", "é", "a".repeat(70)};
        int changed = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int i = 0; i < len; i++) {
                line.append(parts[random.nextInt(parts.length)]);
            }
            String text = line.toString();
            String byRegex = scrubber.filterKeyValues(text);
            if (!byRegex.equals(text)) {
                changed++;
                assertTrue(scrubber.maySayASecret(text), text);
            }
            assertEquals(byRegex, scrubber.scrubText(text), text);
        }
        assertTrue(changed > 500, "the random lines exercise the regex: " + changed);
    }

    @Test
    void ordinary_log_lines_skip_the_regex() {
        assertFalse(scrubber.maySayASecret("INFO request served user cache session token refreshed id=42"));
        assertFalse(scrubber.maySayASecret("GET /a?b=c took 3 ms: ok"));
        assertTrue(scrubber.maySayASecret("retry with token = abc"));
        assertTrue(scrubber.maySayASecret("long-prefix-" + "k".repeat(70) + "password: x"));
    }
}
