package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** What an app is doing, as its manager reports it. */
public enum RunStatus {
    IDLE, SCHEDULED, RUNNING, STOPPING, STOPPED, COMPLETED, FAILED;

    public static RunStatus parse(String field, String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "must be one of IDLE, SCHEDULED, RUNNING, STOPPING, STOPPED,"
                    + " COMPLETED, FAILED");
        }
    }
}
