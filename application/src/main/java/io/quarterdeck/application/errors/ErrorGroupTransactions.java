package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;

import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.application.port.out.errors.ErrorOccurrenceRepository;
import io.quarterdeck.domain.errors.ErrorEvent;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import io.quarterdeck.domain.errors.ErrorReportLimits;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write side of error tracking, one transaction per call. Callers publish events only after these methods
 * return, that is after commit.
 */
@ApplicationScoped
@Transactional
public class ErrorGroupTransactions {
    private final ErrorGroupRepository groups;
    private final ErrorOccurrenceRepository occurrences;
    private final ErrorReportLimits limits;

    @Inject
    public ErrorGroupTransactions(ErrorGroupRepository groups, ErrorOccurrenceRepository occurrences,
                                  ErrorTrackingSettings settings) {
        this.groups = groups;
        this.occurrences = occurrences;
        this.limits = settings == null ? null : settings.limits();
    }

    /** For CDI proxies only. */
    protected ErrorGroupTransactions() {
        this(null, null, null);
    }

    /**
     * Aggregates the events into their groups and stores every occurrence, atomically. Returns, per event, the
     * group it landed in as committed.
     */
    public List<ErrorGroup> record(List<ErrorEvent> events) {
        Set<Fingerprint> fingerprints = new LinkedHashSet<>();
        events.forEach(e -> fingerprints.add(e.fingerprint()));
        Map<Fingerprint, ErrorGroup> byFingerprint = new HashMap<>(groups.lockByFingerprints(fingerprints));
        Map<ErrorGroupId, ErrorGroup> created = new LinkedHashMap<>();
        Map<ErrorGroupId, ErrorGroup> updated = new LinkedHashMap<>();
        List<ErrorOccurrence> stored = new ArrayList<>(events.size());
        List<ErrorGroup> result = new ArrayList<>(events.size());
        for (ErrorEvent event : events) {
            ErrorGroup group = byFingerprint.get(event.fingerprint());
            if (group == null) {
                group = ErrorGroup.open(ErrorGroupId.newId(), event);
                byFingerprint.put(event.fingerprint(), group);
                created.put(group.id(), group);
            } else {
                group.recordOccurrence(event, limits);
                if (!created.containsKey(group.id())) {
                    updated.put(group.id(), group);
                }
            }
            stored.add(ErrorOccurrence.of(group.id(), event));
            result.add(group);
        }
        groups.insertAll(created.values());
        groups.updateAll(updated.values());
        occurrences.appendAll(stored);
        return result;
    }

    /** Resolves the group; returns whether it changed (false when it was resolved already). */
    public boolean resolve(ErrorGroupId id, Instant at) {
        ErrorGroup group = groups.lockById(id).orElseThrow(() -> new NotFoundException("error", id.value()));
        boolean changed = group.resolve(at);
        if (changed) {
            groups.updateAll(List.of(group));
        }
        return changed;
    }

    public void delete(ErrorGroupId id) {
        if (!groups.delete(id)) {
            throw new NotFoundException("error", id.value());
        }
    }

    public long purge(Instant cutoff, int perGroupCap) {
        return occurrences.deleteOlderThan(cutoff) + occurrences.trimEachGroupTo(perGroupCap);
    }
}
