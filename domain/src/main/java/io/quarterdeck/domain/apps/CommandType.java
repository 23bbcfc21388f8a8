package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** A command an operator sends to an app's manager. */
public enum CommandType {
    START, STOP, RESTART, RESET, ENABLE, DISABLE;

    public static CommandType parse(String field, String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "must be one of START, STOP, RESTART, RESET, ENABLE, DISABLE");
        }
    }
}
