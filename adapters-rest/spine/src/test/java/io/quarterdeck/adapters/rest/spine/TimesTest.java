package io.quarterdeck.adapters.rest.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
    private static String reference(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2025-01-20T10:30:00Z", "2025-01-20T10:30:00.001Z",
        "2025-01-20T10:30:00.010Z", "2025-01-20T10:30:00.100Z", "2025-01-20T10:30:00.999999999Z",
        "2024-02-29T23:59:59.5Z", "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z",
        "0001-01-01T00:00:00.123Z"})
    void formats_as_the_truncated_instant_does(String text) {
        Instant t = Instant.parse(text);
        assertEquals(reference(t), Times.format(t));
    }

    @Test
    void agrees_with_the_general_formatter_on_a_million_random_instants() {
        SplittableRandom random = new SplittableRandom(20250120);
        for (int i = 0; i < 1_000_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 300_000_000_000L),
                    i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
            assertEquals(reference(t), Times.format(t), t::toString);
        }
    }

    @Test
    void null_stays_null() {
        assertNull(Times.format(null));
    }
}
