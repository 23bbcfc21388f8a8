package io.quarterdeck.domain.incidents;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** investigating -> identified -> monitoring -> resolved. */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentStatus parse(String field, String raw) {
        if (raw != null) {
            for (IncidentStatus s : values()) {
                if (s.wireName().equals(raw.strip().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new InvalidFieldException(field, "must be investigating, identified, monitoring or resolved");
    }
}
