package io.quarterdeck.adapters.persistence.support;

import java.sql.SQLException;

/** Recognizes a unique-constraint violation (SQLState 23505 on PostgreSQL and H2) anywhere in a cause chain. */
public final class UniqueViolation {
    private UniqueViolation() {
    }

    public static boolean in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
            if (c instanceof org.hibernate.exception.ConstraintViolationException v
                    && v.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }
}
