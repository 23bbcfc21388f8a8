package io.quarterdeck.domain.errors;

import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.time.Instant;

/**
 * A stored {@link ErrorGroup} to start from, as a store would restore it:
 * {@code ErrorGroupTestData.aGroup().withCount(3).resolvedAt(t).build()}. Its description is that of
 * {@link ErrorEventTestData#anError()}; first and last seen are {@link ErrorEventTestData#T0} unless a test moves them.
 */
public final class ErrorGroupTestData {
    private final ErrorEventTestData description;
    private final ErrorGroupId id;
    private final long count;
    private final Instant lastSeen;
    private final Instant resolvedAt;
    private final boolean regressed;
    private final String storageVersion;

    private ErrorGroupTestData(ErrorEventTestData description, ErrorGroupId id, long count, Instant lastSeen,
                               Instant resolvedAt, boolean regressed, String storageVersion) {
        this.description = description;
        this.id = id;
        this.count = count;
        this.lastSeen = lastSeen;
        this.resolvedAt = resolvedAt;
        this.regressed = regressed;
        this.storageVersion = storageVersion;
    }

    /** An open group of one occurrence, first and last seen at {@link ErrorEventTestData#T0}, with no version. */
    public static ErrorGroupTestData aGroup() {
        return new ErrorGroupTestData(ErrorEventTestData.anError(), ErrorGroupId.newId(), 1,
                ErrorEventTestData.T0, null, false, null);
    }

    /** The group of this (first) event: its fingerprint, description and time. */
    public ErrorGroupTestData describedBy(ErrorEventTestData event) {
        return new ErrorGroupTestData(event, id, count, event.build().receivedAt(), resolvedAt, regressed,
                storageVersion);
    }

    public ErrorGroupTestData withFingerprint(Fingerprint fingerprint) {
        return describedBy(description.withFingerprint(fingerprint));
    }

    public ErrorGroupTestData withMessage(String message) {
        return new ErrorGroupTestData(description.withMessage(message), id, count, lastSeen, resolvedAt, regressed,
                storageVersion);
    }

    public ErrorGroupTestData withCount(long newCount) {
        return new ErrorGroupTestData(description, id, newCount, lastSeen, resolvedAt, regressed, storageVersion);
    }

    public ErrorGroupTestData lastSeenAt(Instant newLastSeen) {
        return new ErrorGroupTestData(description, id, count, newLastSeen, resolvedAt, regressed, storageVersion);
    }

    /** Resolved at this time (no longer regressed). */
    public ErrorGroupTestData resolvedAt(Instant at) {
        return new ErrorGroupTestData(description, id, count, lastSeen, at, false, storageVersion);
    }

    /** Reopened by an occurrence after it was resolved. */
    public ErrorGroupTestData regressed() {
        return new ErrorGroupTestData(description, id, count, lastSeen, null, true, storageVersion);
    }

    public ErrorGroupTestData withStorageVersion(String version) {
        return new ErrorGroupTestData(description, id, count, lastSeen, resolvedAt, regressed, version);
    }

    public ErrorGroup build() {
        ErrorEvent e = description.build();
        ErrorReport r = e.report();
        Instant updated = resolvedAt != null && resolvedAt.isAfter(lastSeen) ? resolvedAt : lastSeen;
        return ErrorGroup.restore(id, e.fingerprint(), e.groupingVersion(), r.level(), r.message(), r.stackTrace(),
                r.context(), r.source(), r.environment(), r.url(), e.client(), resolvedAt != null, regressed,
                resolvedAt, count, e.receivedAt(), lastSeen, e.receivedAt(), updated, storageVersion);
    }
}
