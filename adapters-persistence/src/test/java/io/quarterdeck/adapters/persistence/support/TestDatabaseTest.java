package io.quarterdeck.adapters.persistence.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which PostgreSQL database the contract tests empty: two checkouts testing at once must not share one. */
class TestDatabaseTest {

    @Test
    void the_database_is_the_one_QUARTERDECK_TEST_DB_names() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/qd_test_persistence",
                TestDatabase.postgresUrl(null, "127.0.0.1:5432", "qd_test_persistence"));
    }

    @Test
    void without_a_name_it_is_quarterdeck_test() {
        assertEquals("jdbc:postgresql://db:5432/quarterdeck_test", TestDatabase.postgresUrl(null, "db:5432", null));
        assertEquals("jdbc:postgresql://db:5432/quarterdeck_test", TestDatabase.postgresUrl("", "db:5432", " "));
    }

    @Test
    void a_whole_url_wins_over_the_name() {
        assertEquals("jdbc:postgresql://other/x", TestDatabase.postgresUrl("jdbc:postgresql://other/x", "db", "y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "x?ssl=true", "1abc", "qd test",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void a_name_that_is_not_a_plain_identifier_is_refused(String name) {
        assertThrows(IllegalArgumentException.class, () -> TestDatabase.postgresUrl(null, "db", name));
    }
}
