package io.quarterdeck.application.port.out.system;

import java.util.List;
import java.util.Optional;

/**
 * The server's settings as configured (MicroProfile Config and defaults, overlaid by runtime changes), and the runtime
 * half of a change: which keys may change, whether a value is acceptable, and applying it without a restart.
 */
public interface ConfigurationSource {
    /** Every known key in a stable order. */
    List<Setting> settings();

    /** Whether the key may be changed at runtime. */
    boolean changeable(String key);

    /**
     * The value normalised (trimmed, canonical spelling) if acceptable.
     *
     * @throws IllegalArgumentException with a message saying why not
     */
    String validate(String key, String value);

    /** Applies a validated value now (the store already holds it). */
    void apply(String key, String value);

    /** One key: its effective raw value (empty when unset), where it came from. */
    record Setting(String key, Optional<String> value, String source) {
    }
}
