package io.quarterdeck.application.port.in.system;

import io.quarterdeck.domain.identity.Caller;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's {@code /api/v1/system/config}: every setting with its effective value (secrets redacted) and where it came
 * from; changes to the settings an operator may change at runtime, kept so they survive a restart and applied at once.
 */
public interface ConfigurationUseCase {
    List<ConfigEntry> effective();

    /**
     * Validates every change first (nothing is changed if one is refused), then stores and applies them all.
     *
     * @return what changed, old and new values redacted as {@link #effective()} shows them
     * @throws io.quarterdeck.domain.shared.InvalidFieldException naming the first key that is unknown, not changeable
     *         at runtime, or whose value is refused
     */
    List<ConfigChange> change(Caller by, Map<String, String> changes);

    /**
     * One setting: its key, the effective value as shown (redacted when secret; null when unset), where it came from
     * ({@code default}, {@code runtime}, or the configuration source's name), and whether it may be changed at runtime.
     */
    record ConfigEntry(String key, String value, String source, boolean secret, boolean changeable) {
    }

    /** One applied change, values as shown. */
    record ConfigChange(String key, String oldValue, String newValue) {
    }
}
