package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The error groups this process wrote last, each carrying the row version its write stored (as its storage
 * version), so the ingestion writer can update a group without reading and locking its row first: the update names
 * the version the group carries and changes nothing when the row has another one.
 * <p>
 * An entry is checked out (removed) by the transaction that uses it and stored back after that transaction wrote
 * the row, so two transactions of this process never start from the same entry: the second reads the row with a
 * lock instead and waits for the first. Writers elsewhere (another instance, a resolve, a delete) change the row's
 * version, and the update that expected the old one changes nothing; the writer then marks the batch's groups as
 * contended: for {@link #CONTENDED_FOR_NANOS a second} they are neither served nor stored here, so the retry and
 * every other writer of this process read their rows, locked, and queue behind each other instead of losing to the
 * same race again. A transaction that fails after checking groups out needs no clean-up: what it took is no longer
 * here, and the next transaction reads those rows.
 */
final class ErrorGroupCache {
    static final int DEFAULT_CAPACITY = 10_000;
    static final long CONTENDED_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Map<String, ErrorGroup> byFingerprint = new ConcurrentHashMap<>();
    /** Fingerprint -> System.nanoTime() until which its group is read from the row only. */
    private final Map<String, Long> contendedUntil = new ConcurrentHashMap<>();
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
            if (cached != null && !contended(fp)) {
                into.put(fp, cached);
            }
        }
        return into;
    }

    /** Remembers the group as just written with this row version (a copy: the caller keeps using its object). */
    void store(ErrorGroup group, long version) {
        if (!contendedUntil.isEmpty() && contended(group.fingerprint().value())) {
            return;
        }
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

    /** As {@link #forget}, and for a while these groups are read from their rows only (see class). */
    void forgetContended(Collection<Fingerprint> fingerprints) {
        long until = System.nanoTime() + CONTENDED_FOR_NANOS;
        if (contendedUntil.size() >= capacity) {
            contendedUntil.clear(); // long expired, or a storm of conflicts: either way, caching resumes sooner
        }
        fingerprints.forEach(fp -> contendedUntil.put(fp.value(), until));
        forget(fingerprints);
    }

    private boolean contended(String fingerprint) {
        Long until = contendedUntil.get(fingerprint);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until < 0) {
            return true;
        }
        contendedUntil.remove(fingerprint, until);
        return false;
    }

    int size() {
        return byFingerprint.size();
    }
}
