package io.quarterdeck.adapters.persistence.support;

import java.sql.SQLException;

/** Recognizes a unique-constraint violation (SQLState 23505 on PostgreSQL and H2) anywhere in a cause chain. */
public final class UniqueViolation {
    private UniqueViolation() {
    }

    public static boolean in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                // A failed JDBC batch may carry the statement's own error as the "next" exception.
                for (SQLException e = s; e != null; e = e.getNextException() == e ? null : e.getNextException()) {
                    if ("23505".equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
            if (c instanceof org.hibernate.exception.ConstraintViolationException v
                    && v.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }
}
