package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** How a pipeline task stands. */
public enum TaskStatus {
    PENDING, RUNNING, COMPLETED, FAILED;

    public static TaskStatus parse(String field, String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "must be one of PENDING, RUNNING, COMPLETED, FAILED");
        }
    }
}
