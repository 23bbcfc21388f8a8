package io.quarterdeck.adapters.persistence.support;

import java.util.Set;

/** Recognizes a unique-constraint violation (SQLState 23505 on PostgreSQL and H2) anywhere in a cause chain. */
public final class UniqueViolation {
    private static final Set<String> STATES = Set.of("23505");

    private UniqueViolation() {
    }

    public static boolean in(Throwable t) {
        if (SqlStates.anyIn(t, STATES)) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof org.hibernate.exception.ConstraintViolationException v
                    && v.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }
}
