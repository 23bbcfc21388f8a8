package io.quarterdeck.adapters.persistence.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runtime settings on the embedded default (H2): stored, replaced, read back as a fresh start would. */
class RuntimeSettingRepositoryH2Test {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabase.h2();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.execute("delete from runtime_settings");
    }

    @Test
    void changes_are_kept_and_a_later_value_replaces_an_earlier_one() {
        Map<String, String> first = new LinkedHashMap<>();
        first.put("quarterdeck.log.level", "FINE");
        first.put("quarterdeck.logs.retention-hours", "336");
        db.inTransaction(em -> {
            new JpaRuntimeSettingRepository(em).saveAll(first, "ada", Instant.parse("2026-12-02T10:00:00Z"));
            return null;
        });
        db.inTransaction(em -> {
            new JpaRuntimeSettingRepository(em).saveAll(Map.of("quarterdeck.log.level", "WARNING"), "bob",
                    Instant.parse("2026-12-02T11:00:00Z"));
            return null;
        });
        Map<String, String> loaded = db.inTransaction(em -> new JpaRuntimeSettingRepository(em).load());
        assertEquals(Map.of("quarterdeck.log.level", "WARNING", "quarterdeck.logs.retention-hours", "336"), loaded);
        assertEquals(1, db.number("select count(*) from runtime_settings where changed_by = 'bob'"));
    }
}
