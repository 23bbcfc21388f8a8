package io.quarterdeck.adapters.persistence.support;

import java.sql.SQLException;
import java.util.Set;

/** Finds a database error by its SQLState anywhere in a cause chain, including a failed batch's next exceptions. */
final class SqlStates {
    private SqlStates() {
    }

    static boolean anyIn(Throwable t, Set<String> states) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                // A failed JDBC batch may carry the statement's own error as the "next" exception.
                for (SQLException e = s; e != null; e = e.getNextException() == e ? null : e.getNextException()) {
                    if (states.contains(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
