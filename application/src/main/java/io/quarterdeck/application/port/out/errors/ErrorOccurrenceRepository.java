package io.quarterdeck.application.port.out.errors;

import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Storage of individual occurrences. Every method runs inside the caller's transaction. */
public interface ErrorOccurrenceRepository {

    void appendAll(Collection<ErrorOccurrence> occurrences);

    /** Newest first, at most {@code limit}. */
    List<ErrorOccurrence> latest(ErrorGroupId groupId, int limit);

    long countFor(ErrorGroupId groupId);

    /** Deletes occurrences that happened before {@code cutoff}; returns how many. */
    long deleteOlderThan(Instant cutoff);

    /** Keeps only the newest {@code cap} occurrences of every group; returns how many were deleted. */
    long trimEachGroupTo(int cap);
}
