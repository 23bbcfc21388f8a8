package io.quarterdeck.domain.identity;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** What a machine identity may do; the Health Monitor's API key permissions read/write are such scopes. */
public enum Scope {
    READ, WRITE, INGEST, OPERATE;

    public static Scope parse(String field, String value) {
        try {
            return Scope.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "must be one of read, write, ingest, operate");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
