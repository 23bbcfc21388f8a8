package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** How a runtime (one run of an app) stands. */
public enum RuntimeStatus {
    RUNNING, COMPLETED, FAILED, STOPPED;

    public boolean finished() {
        return this != RUNNING;
    }

    public static RuntimeStatus parse(String field, String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "must be one of RUNNING, COMPLETED, FAILED, STOPPED");
        }
    }
}
