package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error groups this process wrote last, with the row version each write stored, so the ingestion writer can
 * update a group without reading and locking its row first (optimistic: the update names the version it expects).
 * <p>
 * An entry is checked out (removed) by the transaction that uses it and stored back after that transaction wrote
 * the row, so two transactions of this process never start from the same entry: the second reads the row with a
 * lock instead and waits for the first. Writers elsewhere (another instance, a resolve, a delete) change the row's
 * version, and the update that expected the old one changes nothing; the batch is then retried with locking reads.
 * <p>
 * The versions a transaction expects are kept per thread: a transaction runs on one thread from its reads to its
 * writes, and a group object read in one transaction is never written in another. After a transaction found a
 * group changed elsewhere, the next read of that thread (the retry) takes its groups from the rows, locked, so a
 * retry cannot lose to the same race again.
 */
@ApplicationScoped
public class ErrorGroupCache {
    static final int DEFAULT_CAPACITY = 10_000;

    private record Entry(ErrorGroup snapshot, long version) {
    }

    private final Map<String, Entry> byFingerprint = new ConcurrentHashMap<>();
    // Per-thread state is removed as soon as it is empty: request threads belong to the server's pool and must not
    // keep this application's objects after a transaction.
    private final ThreadLocal<Map<ErrorGroup, Long>> expected = new ThreadLocal<>();
    private final ThreadLocal<Boolean> lockNext = new ThreadLocal<>();
    private final int capacity;

    public ErrorGroupCache() {
        this(DEFAULT_CAPACITY);
    }

    public ErrorGroupCache(int capacity) {
        this.capacity = capacity;
    }

    /** Takes the cached groups for these fingerprints out of the cache; the caller may write them (see class). */
    public Map<String, ErrorGroup> checkOut(Collection<String> fingerprints, Map<String, ErrorGroup> into) {
        if (lockNext.get() != null) {
            lockNext.remove(); // this read is the retry: it reads every row, not the cache
            return into;
        }
        for (String fp : fingerprints) {
            Entry e = byFingerprint.remove(fp);
            if (e != null) { // removed, so the snapshot is the caller's alone: it may change it without a copy
                expect(e.snapshot(), e.version());
                into.put(fp, e.snapshot());
            }
        }
        return into;
    }

    /** Notes the row version the current transaction took this group object at. */
    private void expect(ErrorGroup group, long version) {
        Map<ErrorGroup, Long> mine = expected.get();
        if (mine == null) {
            mine = new IdentityHashMap<>();
            expected.set(mine);
        } else if (mine.size() >= capacity) {
            mine.clear(); // left over from transactions that failed before writing what they read
        }
        mine.put(group, version);
    }

    /** The row version this transaction took the group at from the cache, or null when it read the row instead. */
    public Long expectedVersion(ErrorGroup group) {
        Map<ErrorGroup, Long> mine = expected.get();
        if (mine == null) {
            return null;
        }
        Long version = mine.remove(group);
        if (mine.isEmpty()) {
            expected.remove();
        }
        return version;
    }

    /** This thread's transaction ends without writing what it checked out: its expected versions are dropped. */
    public void abandon() {
        expected.remove();
    }

    /** Remembers the group as just written with this version (a copy: the caller keeps using its object). */
    public void store(ErrorGroup group, long version) {
        if (byFingerprint.size() >= capacity) {
            Iterator<String> it = byFingerprint.keySet().iterator();
            for (int i = 0; i < capacity / 10 && it.hasNext(); i++) {
                it.next();
                it.remove();
            }
        }
        byFingerprint.put(group.fingerprint().value(), new Entry(ErrorRows.copy(group), version));
    }

    public void forget(Collection<Fingerprint> fingerprints) {
        fingerprints.forEach(fp -> byFingerprint.remove(fp.value()));
    }

    /** As {@link #forget}, and this thread's next read takes every group from its row, locked. */
    public void forgetAndLockNext(Collection<Fingerprint> fingerprints) {
        forget(fingerprints);
        lockNext.set(Boolean.TRUE);
    }

    public void clear() {
        byFingerprint.clear();
    }

    public int size() {
        return byFingerprint.size();
    }
}
