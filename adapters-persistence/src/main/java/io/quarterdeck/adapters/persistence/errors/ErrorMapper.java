package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.domain.errors.ClientInfo;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;

/** Between domain objects and rows; the only place that knows both. */
final class ErrorMapper {
    private ErrorMapper() {
    }

    static ErrorGroup toDomain(ErrorGroupJpaEntity e) {
        return ErrorGroup.restore(new ErrorGroupId(e.id), new Fingerprint(e.fingerprint), e.groupingVersion,
                ErrorLevel.parse("level", e.level), e.message, e.stackTrace, ContextJson.read(e.context), e.source,
                e.environment, e.url, new ClientInfo(e.userAgent, e.ipAddress), e.resolved, e.regressed, e.resolvedAt,
                e.count, e.firstSeen, e.lastSeen, e.createdAt, e.updatedAt);
    }

    static ErrorGroupJpaEntity toEntity(ErrorGroup g) {
        ErrorGroupJpaEntity e = new ErrorGroupJpaEntity(g.id().value());
        copy(g, e);
        return e;
    }

    /** Writes the group's whole state onto a row; identity columns never change. */
    static void copy(ErrorGroup g, ErrorGroupJpaEntity e) {
        e.fingerprint = g.fingerprint().value();
        e.groupingVersion = g.groupingVersion();
        e.level = g.level().wireName();
        e.message = g.message();
        e.stackTrace = g.stackTrace();
        e.context = ContextJson.write(g.context());
        e.source = g.source();
        e.environment = g.environment();
        e.url = g.url();
        e.userAgent = g.client().userAgent();
        e.ipAddress = g.client().ipAddress();
        e.resolved = g.resolved();
        e.regressed = g.regressed();
        e.resolvedAt = g.resolvedAt();
        e.count = g.count();
        e.firstSeen = g.firstSeen();
        e.lastSeen = g.lastSeen();
        e.createdAt = g.createdAt();
        e.updatedAt = g.updatedAt();
    }

    static ErrorOccurrenceJpaEntity toEntity(ErrorOccurrence o) {
        ErrorOccurrenceJpaEntity e = new ErrorOccurrenceJpaEntity();
        e.id = o.id();
        e.groupId = o.groupId().value();
        e.occurredAt = o.occurredAt();
        e.level = o.level().wireName();
        e.environment = o.environment();
        e.url = o.url();
        e.userAgent = o.userAgent();
        e.ipAddress = o.ipAddress();
        e.context = ContextJson.write(o.context());
        return e;
    }

    static ErrorOccurrence toDomain(ErrorOccurrenceJpaEntity e) {
        return new ErrorOccurrence(e.id, new ErrorGroupId(e.groupId), e.occurredAt, ErrorLevel.parse("level", e.level),
                e.environment, e.url, e.userAgent, e.ipAddress, ContextJson.read(e.context));
    }
}
