package io.quarterdeck.application.port.out.system;

import java.time.Instant;
import java.util.Map;

/** Settings changed at runtime ({@code POST /api/v1/system/config}), kept so they survive a restart. */
public interface RuntimeSettingRepository {
    /** Every stored change, key to value. */
    Map<String, String> load();

    /** Inserts or replaces each key's value, all in one transaction. */
    void saveAll(Map<String, String> values, String changedBy, Instant at);
}
