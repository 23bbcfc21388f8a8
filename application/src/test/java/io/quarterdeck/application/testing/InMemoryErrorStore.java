package io.quarterdeck.application.testing;

import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.application.port.out.errors.ErrorOccurrenceRepository;
import io.quarterdeck.application.port.out.errors.GroupAlreadyExistsException;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import io.quarterdeck.domain.errors.ErrorPage;
import io.quarterdeck.domain.errors.ErrorQuery;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Error groups and their occurrences kept in maps. Stored groups are copies, as a database would keep them, so a
 * caller's later changes to a group are invisible until it is written back. One lock stands in for row locks and
 * transactions: every call is atomic, which is what a single-threaded service test needs.
 */
public final class InMemoryErrorStore {
    private final Map<ErrorGroupId, ErrorGroup> groups = new LinkedHashMap<>();
    private final Map<Fingerprint, ErrorGroupId> byFingerprint = new HashMap<>();
    private final Map<String, ErrorOccurrence> occurrences = new LinkedHashMap<>();
    private final Groups groupRepository = new Groups();
    private final Occurrences occurrenceRepository = new Occurrences();

    public ErrorGroupRepository groups() {
        return groupRepository;
    }

    public ErrorOccurrenceRepository occurrences() {
        return occurrenceRepository;
    }

    /** Everything stored, for assertions: occurrences of one group, oldest first. */
    /** The group as stored now; fails the test when there is none. */
    public ErrorGroup stored(ErrorGroupId id) {
        return groupRepository.findById(id).orElseThrow(() -> new AssertionError("no stored group " + id));
    }

    /** How many groups are stored. */
    public long groupCount() {
        return groupRepository.search(new ErrorQuery(100, 0, null, null, null, null)).total();
    }

    public synchronized List<ErrorOccurrence> occurrencesOf(ErrorGroupId id) {
        return occurrences.values().stream().filter(o -> o.groupId().equals(id))
                .sorted(Comparator.comparing(ErrorOccurrence::occurredAt)).toList();
    }

    /** An independent copy of everything stored, for rolling back a failed transaction in tests. */
    public synchronized InMemoryErrorStore snapshot() {
        InMemoryErrorStore copy = new InMemoryErrorStore();
        groups.forEach((id, g) -> copy.groups.put(id, copy(g)));
        copy.byFingerprint.putAll(byFingerprint);
        copy.occurrences.putAll(occurrences);
        return copy;
    }

    static ErrorGroup copy(ErrorGroup g) {
        return ErrorGroup.restore(g.id(), g.fingerprint(), g.groupingVersion(), g.level(), g.message(),
                g.stackTrace(), g.context(), g.source(), g.environment(), g.url(), g.client(), g.resolved(),
                g.regressed(), g.resolvedAt(), g.count(), g.firstSeen(), g.lastSeen(), g.createdAt(), g.updatedAt(),
                g.storageVersion());
    }

    private final class Groups implements ErrorGroupRepository {
        @Override
        public Map<Fingerprint, ErrorGroup> lockByFingerprints(Collection<Fingerprint> fingerprints) {
            synchronized (InMemoryErrorStore.this) {
                Map<Fingerprint, ErrorGroup> found = new HashMap<>();
                for (Fingerprint f : fingerprints) {
                    ErrorGroupId id = byFingerprint.get(f);
                    if (id != null) {
                        found.put(f, copy(groups.get(id)));
                    }
                }
                return found;
            }
        }

        @Override
        public void insertAll(Collection<ErrorGroup> toInsert) {
            synchronized (InMemoryErrorStore.this) {
                for (ErrorGroup g : toInsert) {
                    if (byFingerprint.containsKey(g.fingerprint()) || groups.containsKey(g.id())) {
                        throw new GroupAlreadyExistsException(null);
                    }
                }
                for (ErrorGroup g : toInsert) {
                    groups.put(g.id(), copy(g));
                    byFingerprint.put(g.fingerprint(), g.id());
                }
            }
        }

        @Override
        public void updateAll(Collection<ErrorGroup> toUpdate) {
            synchronized (InMemoryErrorStore.this) {
                for (ErrorGroup g : toUpdate) {
                    if (groups.containsKey(g.id())) {
                        groups.put(g.id(), copy(g));
                    }
                }
            }
        }

        @Override
        public Optional<ErrorGroup> findById(ErrorGroupId id) {
            synchronized (InMemoryErrorStore.this) {
                return Optional.ofNullable(groups.get(id)).map(InMemoryErrorStore::copy);
            }
        }

        @Override
        public Optional<ErrorGroup> lockById(ErrorGroupId id) {
            return findById(id);
        }

        @Override
        public ErrorPage search(ErrorQuery q) {
            Predicate<ErrorGroup> matches = g -> (q.level() == null || g.level() == q.level())
                    && (q.source() == null || q.source().equals(g.source()))
                    && (q.resolved() == null || q.resolved() == g.resolved())
                    && (q.search() == null || g.message().toLowerCase(Locale.ROOT)
                    .contains(q.search().toLowerCase(Locale.ROOT)));
            synchronized (InMemoryErrorStore.this) {
                List<ErrorGroup> all = groups.values().stream().filter(matches)
                        .sorted(Comparator.comparing(ErrorGroup::lastSeen).reversed()
                                .thenComparing(g -> g.id().value()))
                        .toList();
                List<ErrorGroup> page = all.stream().skip(q.offset()).limit(q.limit())
                        .map(InMemoryErrorStore::copy).toList();
                return new ErrorPage(page, all.size(), q.page(), q.limit());
            }
        }

        @Override
        public boolean delete(ErrorGroupId id) {
            synchronized (InMemoryErrorStore.this) {
                ErrorGroup removed = groups.remove(id);
                if (removed == null) {
                    return false;
                }
                byFingerprint.remove(removed.fingerprint());
                occurrences.values().removeIf(o -> o.groupId().equals(id));
                return true;
            }
        }
    }

    private final class Occurrences implements ErrorOccurrenceRepository {
        @Override
        public void appendAll(Collection<ErrorOccurrence> toAppend) {
            synchronized (InMemoryErrorStore.this) {
                for (ErrorOccurrence o : toAppend) {
                    if (!groups.containsKey(o.groupId())) {
                        throw new IllegalStateException("no group " + o.groupId().value());
                    }
                }
                toAppend.forEach(o -> occurrences.put(o.id(), o));
            }
        }

        @Override
        public List<ErrorOccurrence> latest(ErrorGroupId groupId, int limit) {
            synchronized (InMemoryErrorStore.this) {
                return occurrences.values().stream().filter(o -> o.groupId().equals(groupId))
                        .sorted(newestFirst()).limit(limit).toList();
            }
        }

        @Override
        public long countFor(ErrorGroupId groupId) {
            synchronized (InMemoryErrorStore.this) {
                return occurrences.values().stream().filter(o -> o.groupId().equals(groupId)).count();
            }
        }

        @Override
        public long deleteOlderThan(Instant cutoff) {
            synchronized (InMemoryErrorStore.this) {
                int before = occurrences.size();
                occurrences.values().removeIf(o -> o.occurredAt().isBefore(cutoff));
                return before - occurrences.size();
            }
        }

        @Override
        public long trimEachGroupTo(int cap) {
            synchronized (InMemoryErrorStore.this) {
                Map<ErrorGroupId, List<ErrorOccurrence>> byGroup = occurrences.values().stream()
                        .collect(Collectors.groupingBy(ErrorOccurrence::groupId));
                List<String> doomed = new ArrayList<>();
                byGroup.values().forEach(list -> list.stream().sorted(newestFirst()).skip(cap)
                        .forEach(o -> doomed.add(o.id())));
                doomed.forEach(occurrences::remove);
                return doomed.size();
            }
        }

        private Comparator<ErrorOccurrence> newestFirst() {
            return Comparator.comparing(ErrorOccurrence::occurredAt).reversed()
                    .thenComparing(ErrorOccurrence::id, Comparator.reverseOrder());
        }
    }
}
