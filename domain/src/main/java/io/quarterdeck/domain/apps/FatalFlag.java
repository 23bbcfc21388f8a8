package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** Whether an app stopped on an error that needs a person: only RESET clears it. */
public enum FatalFlag {
    NO_FATAL, FATAL;

    public static FatalFlag parse(String field, String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "must be NO_FATAL or FATAL");
        }
    }
}
