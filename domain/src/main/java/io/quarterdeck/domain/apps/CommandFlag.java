package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** The command an app's manager has not yet acted on, or NONE. */
public enum CommandFlag {
    NONE, START, STOP, RESTART, RESET, ENABLE, DISABLE;

    static CommandFlag of(CommandType type) {
        return valueOf(type.name());
    }

    public static CommandFlag parse(String field, String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "must be one of NONE, START, STOP, RESTART, RESET, ENABLE, DISABLE");
        }
    }
}
