package io.quarterdeck.adapters.persistence.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One set of migrations for both databases: it applies, is idempotent, and creates the indexes seed 001 lists. */
abstract class MigrationsContract {
    abstract TestDatabase database();

    @Test
    void migrating_again_applies_nothing() {
        assertEquals(0, FlywayMigrations.migrate(database().dataSource()));
    }

    @Test
    void the_seed_indexes_exist_or_are_served_by_a_composite_index() throws SQLException {
        Set<String> indexes = new HashSet<>();
        try (Connection c = database().dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : new String[] {"error_groups", "ERROR_GROUPS"}) {
                try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            indexes.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        for (String expected : new String[] {"idx_errors_timestamp", "idx_errors_source", "idx_errors_level_timestamp",
            "idx_errors_resolved_timestamp"}) {
            assertTrue(indexes.contains(expected), expected + " missing; found " + indexes);
        }
        // The seed's single-column level and resolved indexes are leading prefixes of the composites (V2 drops them:
        // each costs an index insert on every aggregation update and serves no lookup the composite does not).
        assertFalse(indexes.contains("idx_errors_level"), "idx_errors_level is redundant: " + indexes);
        assertFalse(indexes.contains("idx_errors_resolved"), "idx_errors_resolved is redundant: " + indexes);
        assertTrue(indexes.stream().anyMatch(i -> i.startsWith("uq_error_groups_fingerprint")),
                "the unique fingerprint index (the seed's idx_errors_fingerprint) is missing: " + indexes);
    }
}
