package io.quarterdeck.domain.errors.fingerprint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded memo for a pure function of a string. Errors repeat (that is why they are grouped), so the same stack
 * trace and often the same message arrive again and again; normalizing them is the costliest step of ingestion.
 *
 * <p>Two generations: a lookup tries the young map, then the old one; when the young map holds {@code capacity}
 * entries it becomes the old one and a fresh young map starts. Recently used entries survive, memory stays below
 * {@code 2 x capacity} entries, and keys longer than {@code maxKeyChars} are computed without being remembered.
 * Thread-safe; a race can only compute a value twice, never return a wrong one.
 */
final class Memo<V> {
    private final Function<String, V> function;
    private final int capacity;
    private final int maxKeyChars;
    private volatile Map<String, V> young = new ConcurrentHashMap<>();
    private volatile Map<String, V> old = new ConcurrentHashMap<>();

    Memo(Function<String, V> function, int capacity, int maxKeyChars) {
        if (capacity < 1 || maxKeyChars < 0) {
            throw new IllegalArgumentException("capacity must be positive and maxKeyChars not negative");
        }
        this.function = function;
        this.capacity = capacity;
        this.maxKeyChars = maxKeyChars;
    }

    V apply(String key) {
        if (key == null || key.length() > maxKeyChars) {
            return function.apply(key);
        }
        Map<String, V> y = young;
        V value = y.get(key);
        if (value != null) {
            return value;
        }
        value = old.get(key);
        if (value == null) {
            value = function.apply(key);
            if (value == null) {
                return null;
            }
        }
        y.put(key, value);
        if (y.size() >= capacity) {
            synchronized (this) {
                if (young == y) {
                    old = y;
                    young = new ConcurrentHashMap<>();
                }
            }
        }
        return value;
    }

    /** Entries held now, for tests. */
    int size() {
        return young.size() + old.size();
    }
}
