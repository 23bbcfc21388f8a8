package io.quarterdeck.domain.errors;

import io.quarterdeck.domain.shared.JsonValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges a group's context with a new occurrence's: the newest value wins per key, keys the new occurrence does
 * not carry are kept, and the result is bounded in keys and estimated size (the newest keys are kept first).
 */
final class ContextMerger {
    private ContextMerger() {
    }

    static Map<String, Object> merge(Map<String, Object> existing, Map<String, Object> newest, int maxKeys,
                                     int maxChars) {
        Map<String, Object> merged = new LinkedHashMap<>();
        long size = 2;
        for (Map<String, Object> source : java.util.List.of(newest, existing)) {
            for (Map.Entry<String, Object> e : source.entrySet()) {
                if (merged.size() >= maxKeys) {
                    return Collections.unmodifiableMap(merged);
                }
                if (merged.containsKey(e.getKey())) {
                    continue;
                }
                long entrySize = JsonValues.estimatedSize(e.getKey()) + 2 + JsonValues.estimatedSize(e.getValue());
                if (size + entrySize > maxChars) {
                    continue;
                }
                merged.put(e.getKey(), e.getValue());
                size += entrySize;
            }
        }
        return Collections.unmodifiableMap(merged);
    }
}
