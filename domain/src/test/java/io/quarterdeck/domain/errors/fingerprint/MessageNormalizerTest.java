package io.quarterdeck.domain.errors.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageNormalizerTest {
    private final MessageNormalizer normalizer = new MessageNormalizer();

    static Stream<Arguments> normalizations() {
        return Stream.of(
                Arguments.of("User 123 not found", "User <num> not found"),
                Arguments.of("Error in worker-3", "Error in worker-<num>"),
                Arguments.of("shard7 unavailable", "shard<num> unavailable"),
                Arguments.of("value -42.5 out of range [0, 1,000]", "value <num> out of range [<num>, <num>]"),
                Arguments.of("Invite for john.doe+test@mail.example.com failed", "Invite for <email> failed"),
                Arguments.of("GET https://api.example.com/v1/users?id=5&sig=ab12 returned 502",
                        "GET <url> returned <num>"),
                Arguments.of("Order 550e8400-e29b-41d4-a716-446655440000 missing", "Order <uuid> missing"),
                Arguments.of("Connection to 10.0.0.12:5432 refused", "Connection to <ip> refused"),
                Arguments.of("Connection to 192.168.1.7 refused.", "Connection to <ip> refused."),
                Arguments.of("Connection to [2001:db8::8a2e:370:7334]:8080 refused", "Connection to <ip> refused"),
                Arguments.of("Host fe80::1ff:fe23:4567:890a unreachable", "Host <ip> unreachable"),
                Arguments.of("Host 2001:0db8:85a3:0000:0000:8a2e:0370:7334 unreachable", "Host <ip> unreachable"),
                Arguments.of("Job scheduled 2025-01-20 failed", "Job scheduled <date> failed"),
                Arguments.of("Job started 2025-01-20T10:30:00Z failed", "Job started <date> failed"),
                Arguments.of("Job started 2025-01-20T10:30:00.123456+01:00 failed", "Job started <date> failed"),
                Arguments.of("Job started 2025-01-20 10:30:00.123 failed", "Job started <date> failed"),
                Arguments.of("Report for 20/01/2025 late", "Report for <date> late"),
                Arguments.of("Report for Jan 20 2025 late", "Report for <date> late"),
                Arguments.of("Report for January 20th, 2025 late", "Report for <date> late"),
                Arguments.of("Expired Mon, 20 Jan 2025 10:30:00 GMT", "Expired <date>"),
                Arguments.of("Expired Mon Jan 20 10:30:00 UTC 2025", "Expired <date>"),
                Arguments.of("Lock held since 10:30:45", "Lock held since <time>"),
                Arguments.of("Lock held since 10:30 PM", "Lock held since <time>"),
                Arguments.of("SIGSEGV at 0x7ffd1234", "SIGSEGV at <hex>"),
                Arguments.of("Commit 3f2a1b9c4d5e6f708192a3b4c5d6e7f8091a2b3c not found", "Commit <hex> not found"),
                Arguments.of("Checksum d41d8cd98f00b204e9800998ecf8427e mismatch", "Checksum <hex> mismatch"),
                Arguments.of("Feed deadbeef is stale", "Feed deadbeef is stale"),
                Arguments.of("Timed out after 150ms", "Timed out after <duration>"),
                Arguments.of("Timed out after 2.5s", "Timed out after <duration>"),
                Arguments.of("Timed out after 3m", "Timed out after <duration>"),
                Arguments.of("Timed out after 10 minutes", "Timed out after <duration>"),
                Arguments.of("Timed out after 1h30m", "Timed out after <duration>"),
                Arguments.of("Timed out after 1h 30m 5s", "Timed out after <duration>"),
                Arguments.of("Column \"user_id\" is ambiguous", "Column <str> is ambiguous"),
                Arguments.of("Column 'user_id' is ambiguous", "Column <str> is ambiguous"),
                Arguments.of("Column `user_id` is ambiguous", "Column <str> is ambiguous"),
                Arguments.of("Key \"it's 'nested'\" rejected", "Key <str> rejected"),
                Arguments.of("Can't load user's profile", "Can't load user's profile"),
                Arguments.of("Flag enabled=true expected FALSE", "Flag enabled=<bool> expected <bool>"),
                Arguments.of("Flag isTrue unchanged", "Flag isTrue unchanged"),
                Arguments.of("  too   many\t spaces  ", "too many spaces"),
                Arguments.of("first\nsecond\nthird", "first\nsecond"),
                Arguments.of("first\r\n  second  \r\nthird", "first\nsecond"),
                Arguments.of("first\rsecond\rthird", "first\nsecond"),
                Arguments.of("only line\n", "only line"),
                Arguments.of("TypeError: Cannot read properties of undefined (reading 'email')",
                        "TypeError: Cannot read properties of undefined (reading <str>)"));
    }

    @ParameterizedTest
    @MethodSource("normalizations")
    void replaces_values_with_placeholders(String message, String expected) {
        assertEquals(expected, normalizer.normalize(message));
    }

    static Stream<Arguments> sameTemplate() {
        return Stream.of(
                Arguments.of("User 123 not found", "User 987 not found"),
                Arguments.of("Error in worker-3", "Error in worker-7"),
                Arguments.of("No order 550e8400-e29b-41d4-a716-446655440000", "No order 123e4567-e89b-12d3-a456-426614174000"),
                Arguments.of("Bounce from ada@example.com", "Bounce from grace.hopper@navy.mil"),
                Arguments.of("Refused by 10.0.0.1:5432", "Refused by 172.16.254.3:6543"),
                Arguments.of("Refused by ::1", "Refused by 2001:db8::1"),
                Arguments.of("Stale since 2025-01-20T10:30:00Z", "Stale since 2024-12-31T23:59:59.999Z"),
                Arguments.of("Took 150ms", "Took 2.5s"),
                Arguments.of("Took 3m", "Took 1h30m"),
                Arguments.of("Blob 3f2a1b9c4d5e missing", "Blob a1b2c3d4e5f60718 missing"),
                Arguments.of("Unknown field 'email'", "Unknown field 'phone_number'"),
                Arguments.of("Unknown field \"email\"", "Unknown field \"x\""),
                Arguments.of("GET https://a.example.com/x failed", "GET http://b.example.org:8080/y?z=1 failed"),
                Arguments.of("expected true", "expected False"),
                Arguments.of("Out of memory\nheap 512MB\nat 0x1", "Out of memory\nheap 2048MB\nat 0x2 and more"),
                Arguments.of("Failed\nline two\nthird line A", "Failed\nline two\nthird line B"),
                Arguments.of("balance -5", "balance 12.75"));
    }

    @ParameterizedTest
    @MethodSource("sameTemplate")
    void messages_differing_only_in_values_normalize_equal(String a, String b) {
        assertEquals(normalizer.normalize(a), normalizer.normalize(b));
    }

    static Stream<Arguments> differentTemplate() {
        return Stream.of(
                Arguments.of("TypeError: x is undefined", "RangeError: x is undefined"),
                Arguments.of("User 123 not found", "Group 123 not found"),
                Arguments.of("User not found", "User not allowed"),
                Arguments.of("Failed\nline two", "Failed\nline 2b"),
                Arguments.of("Failed\nconnect", "Failed\nread"),
                Arguments.of("NullPointerException", "nullpointerexception"),
                Arguments.of("Feed deadbeef is stale", "Feed cafebabe is stale"));
    }

    @ParameterizedTest
    @MethodSource("differentTemplate")
    void messages_with_different_words_stay_apart(String a, String b) {
        assertNotEquals(normalizer.normalize(a), normalizer.normalize(b));
    }

    @Test
    void null_is_the_empty_template() {
        assertEquals("", normalizer.normalize(null));
    }

    static Stream<String> adversarial() {
        return Stream.of(
                "a".repeat(8000) + "!",
                "1".repeat(8000),
                "1".repeat(8000) + "x",
                "'\"".repeat(4000),
                "`'\"".repeat(2700),
                "'a ".repeat(2700),
                "0x" + "f".repeat(8000) + "g",
                "a@".repeat(4000),
                "a.".repeat(4000) + "@",
                "1.".repeat(4000),
                "1:".repeat(4000),
                ":".repeat(8000),
                "a:".repeat(4000),
                "-1".repeat(4000),
                "1h".repeat(4000),
                "1 minutes ".repeat(800),
                "Jan 1 ".repeat(1300),
                "Mon, ".repeat(1600),
                "2025-01-20T".repeat(700),
                "http://" + "a".repeat(8000),
                "a".repeat(8000) + "://",
                "deadbeef".repeat(1000) + "1",
                "a-1-".repeat(2000),
                "[" + "1:".repeat(4000) + "]");
    }

    @ParameterizedTest
    @MethodSource("adversarial")
    void adversarial_8kb_inputs_do_not_hang(String input) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> normalizer.normalize(input));
    }

    /**
     * The shortcuts (a pattern is skipped when its text cannot occur) change nothing: on thousands of generated
     * messages, built from every kind of value, near misses and the characters the shortcuts look for, the result
     * equals scanning with every pattern.
     */
    @Test
    void skipping_patterns_whose_text_does_not_occur_changes_no_result() {
        String[] tokens = {"user@example.com", "a.b+c@d-e.co", "@", "https://x.y/z?q=1", "ftp://h", "://",
            "550e8400-e29b-41d4-a716-446655440000", "10.0.0.12", "10.0.0.12:5432", "[2001:db8::1]:80", "fe80::1",
            "::1", "2025-01-20", "2025-01-20T10:30:00Z", "20/01/2025", "20.01.2025", "Jan 20 2025",
            "Mon, 20 Jan 2025 10:30:00 GMT", "10:30:45", "10:30 PM", "9:05am", "0x7ffd", "0XABC", "deadbeef",
            "d41d8cd98f00b204", "150ms", "2.5s", "1h30m", "10 minutes", "42", "-7", "3.14", "1,000", "worker-3",
            "\"quoted\"", "'single'", "`tick`", "“curly”", "”", "true", "FALSE", "isTrue", "can't", "tr", "ue", "fal",
            "sE", "x", "X", "µs", "Timeout", "backend", "'", "\"", "`", "/", ":", ".", "-", "\n", "\r\n", "\t", "  "};
        String[] glue = {" ", "", ",", ".", ":", "-", "(", ")", "="};
        java.util.Random random = new java.util.Random(20261201);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder message = new StringBuilder();
            for (int t = 1 + random.nextInt(12); t > 0; t--) {
                message.append(tokens[random.nextInt(tokens.length)]).append(glue[random.nextInt(glue.length)]);
            }
            String m = message.toString();
            assertEquals(normalizer.normalizeScanningEverything(m), normalizer.normalize(m), () -> "message: " + m);
        }
    }
}
