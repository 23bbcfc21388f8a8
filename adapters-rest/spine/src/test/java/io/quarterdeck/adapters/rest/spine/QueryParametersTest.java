package io.quarterdeck.adapters.rest.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryParametersTest {
    @Test
    void whole_numbers_inside_the_bounds_pass_and_blank_is_the_fallback() {
        assertEquals(7, QueryParameters.integer("page", " 7 ", 1, 1, 10));
        assertEquals(1, QueryParameters.integer("page", "", 1, 1, 10));
        assertEquals(10, QueryParameters.integer("page", "10", 1, 1, 10));
    }

    @Test
    void overflowing_out_of_range_and_non_numbers_are_400s_naming_the_field() {
        for (String raw : new String[] {"2147483647", "-2147483648", "99999999999999999999", "0", "11", "1e3", "abc",
                "0x10", "\u0000"}) {
            InvalidFieldException e = assertThrows(InvalidFieldException.class,
                    () -> QueryParameters.integer("page", raw, 1, 1, 10), raw);
            assertEquals("page", e.field());
        }
    }

    @Test
    void instants_outside_1970_to_9999_are_refused_naming_the_field() {
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), QueryParameters.instant("to", "2026-11-23T10:00:00Z"));
        assertNull(QueryParameters.instant("to", " "));
        for (String raw : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "tomorrow"}) {
            assertEquals("expires_at", assertThrows(InvalidFieldException.class,
                    () -> QueryParameters.instant("expires_at", raw), raw).field());
        }
    }
}
