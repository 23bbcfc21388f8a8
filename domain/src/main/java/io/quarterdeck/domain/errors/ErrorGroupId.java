package io.quarterdeck.domain.errors;

import java.util.UUID;

/** Identity of an error group: a UUID, carried as a string on every surface. */
public record ErrorGroupId(String value) {
    public ErrorGroupId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("error group id must be 1-64 characters");
        }
    }

    public static ErrorGroupId newId() {
        return new ErrorGroupId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
