package io.quarterdeck.application.port.out.errors;

import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorPage;
import io.quarterdeck.domain.errors.ErrorQuery;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Storage of error groups. Every method runs inside the caller's transaction. */
public interface ErrorGroupRepository {

    /**
     * The groups that exist for these fingerprints, for writing in this transaction: each either locked against
     * concurrent writers until the transaction ends, or (when the adapter wrote it last) read optimistically, in
     * which case {@link #updateAll} throws {@link ConcurrentGroupChangeException} if another transaction wrote it
     * in between.
     */
    Map<Fingerprint, ErrorGroup> lockByFingerprints(Collection<Fingerprint> fingerprints);

    /**
     * Stores new groups. Throws {@link GroupAlreadyExistsException} when another transaction created a group with
     * one of these fingerprints first; the caller's transaction must then be rolled back and retried.
     */
    void insertAll(Collection<ErrorGroup> groups);

    /**
     * Writes the current state of groups that exist. Throws {@link ConcurrentGroupChangeException} when one of them
     * was changed or deleted by another transaction since this one read it; the caller's transaction must then be
     * rolled back and retried.
     */
    void updateAll(Collection<ErrorGroup> groups);

    Optional<ErrorGroup> findById(ErrorGroupId id);

    /** The same as {@link #findById} but locked against concurrent writers until the transaction ends. */
    Optional<ErrorGroup> lockById(ErrorGroupId id);

    ErrorPage search(ErrorQuery query);

    /** Deletes the group and its occurrences; false when there was none. */
    boolean delete(ErrorGroupId id);
}
