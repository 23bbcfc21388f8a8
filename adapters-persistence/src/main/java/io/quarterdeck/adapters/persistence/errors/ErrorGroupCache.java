package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error groups this process wrote last, each carrying the row version its write stored (as its storage
 * version), so the ingestion writer can update a group without reading and locking its row first: the update names
 * the version the group carries and changes nothing when the row has another one.
 * <p>
 * An entry is checked out (removed) by the transaction that uses it and stored back after that transaction wrote
 * the row, so two transactions of this process never start from the same entry: the second reads the row with a
 * lock instead and waits for the first. Writers elsewhere (another instance, a resolve, a delete) change the row's
 * version, and the update that expected the old one changes nothing; the writer then forgets the batch's groups,
 * so its retry reads their rows, locked. A transaction that fails after checking groups out needs no clean-up:
 * what it took is no longer here, and the next transaction reads those rows.
 */
final class ErrorGroupCache {
    static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, ErrorGroup> byFingerprint = new ConcurrentHashMap<>();
    private final int capacity;

    ErrorGroupCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Takes the cached groups for these fingerprints out of the cache into {@code into}; the caller may change and
     * write them (each is the caller's alone once removed).
     */
    Map<String, ErrorGroup> checkOut(Collection<String> fingerprints, Map<String, ErrorGroup> into) {
        for (String fp : fingerprints) {
            ErrorGroup cached = byFingerprint.remove(fp);
            if (cached != null) {
                into.put(fp, cached);
            }
        }
        return into;
    }

    /** Remembers the group as just written with this row version (a copy: the caller keeps using its object). */
    void store(ErrorGroup group, long version) {
        if (byFingerprint.size() >= capacity) {
            Iterator<String> it = byFingerprint.keySet().iterator();
            for (int i = 0; i < Math.max(1, capacity / 10) && it.hasNext(); i++) {
                it.next();
                it.remove();
            }
        }
        byFingerprint.put(group.fingerprint().value(), ErrorGroupRows.written(group, version));
    }

    void forget(Collection<Fingerprint> fingerprints) {
        fingerprints.forEach(fp -> byFingerprint.remove(fp.value()));
    }

    int size() {
        return byFingerprint.size();
    }
}
