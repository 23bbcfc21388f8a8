package io.quarterdeck.adapters.persistence.support;

import java.util.Set;

/**
 * Recognizes a transaction the database gave up on because of other transactions, not because of its own data: a
 * deadlock victim (SQLState 40P01 on PostgreSQL, 40001 on H2) or a serialization failure (40001). Running the whole
 * transaction again is the remedy.
 */
public final class LockConflict {
    private static final Set<String> STATES = Set.of("40P01", "40001");

    private LockConflict() {
    }

    public static boolean in(Throwable t) {
        return SqlStates.anyIn(t, STATES);
    }
}
