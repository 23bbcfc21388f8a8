package io.quarterdeck.domain.errors;

import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An error as dashboards see it: every occurrence with the same fingerprint, aggregated. The descriptive fields
 * (level, message, stack trace, environment, url, client) are those of the newest occurrence; {@code firstSeen}
 * never moves; the context is merged. A resolved group that receives a new occurrence is reopened and marked as
 * regressed.
 */
public final class ErrorGroup {
    private final ErrorGroupId id;
    private final Fingerprint fingerprint;
    private final int groupingVersion;
    private final Instant firstSeen;
    private final Instant createdAt;
    private final String storageVersion;
    private ErrorLevel level;
    private String message;
    private String stackTrace;
    private Map<String, Object> context;
    private String source;
    private String environment;
    private String url;
    private ClientInfo client;
    private boolean resolved;
    private boolean regressed;
    private Instant resolvedAt;
    private long count;
    private Instant lastSeen;
    private Instant updatedAt;

    private ErrorGroup(ErrorGroupId id, Fingerprint fingerprint, int groupingVersion, Instant firstSeen,
                       Instant createdAt, String storageVersion) {
        this.id = Objects.requireNonNull(id, "id");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.groupingVersion = groupingVersion;
        this.firstSeen = Objects.requireNonNull(firstSeen, "firstSeen");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.storageVersion = storageVersion;
    }

    /** A new group opened by its first occurrence. */
    public static ErrorGroup open(ErrorGroupId id, ErrorEvent first) {
        ErrorGroup g = new ErrorGroup(id, first.fingerprint(), first.groupingVersion(), first.receivedAt(),
                first.receivedAt(), null);
        g.takeDescriptionFrom(first);
        g.context = first.report().context();
        g.count = 1;
        g.lastSeen = first.receivedAt();
        g.updatedAt = first.receivedAt();
        return g;
    }

    /**
     * Rebuilds a group from storage; no rule is applied. {@code storageVersion} is the store's own token for the
     * stored state this group was read or written as (null when the store keeps none): the group carries it back
     * to the store unchanged and never interprets it.
     */
    public static ErrorGroup restore(ErrorGroupId id, Fingerprint fingerprint, int groupingVersion, ErrorLevel level,
                                     String message, String stackTrace, Map<String, Object> context, String source,
                                     String environment, String url, ClientInfo client, boolean resolved,
                                     boolean regressed, Instant resolvedAt, long count, Instant firstSeen,
                                     Instant lastSeen, Instant createdAt, Instant updatedAt, String storageVersion) {
        ErrorGroup g = new ErrorGroup(id, fingerprint, groupingVersion, firstSeen, createdAt, storageVersion);
        g.level = Objects.requireNonNull(level, "level");
        g.message = Objects.requireNonNull(message, "message");
        g.stackTrace = stackTrace;
        g.context = context == null ? Map.of() : context;
        g.source = source;
        g.environment = environment;
        g.url = url;
        g.client = client == null ? ClientInfo.UNKNOWN : client;
        g.resolved = resolved;
        g.regressed = regressed;
        g.resolvedAt = resolvedAt;
        g.count = count;
        g.lastSeen = Objects.requireNonNull(lastSeen, "lastSeen");
        g.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        return g;
    }

    /**
     * Aggregates one more occurrence: count + 1, last seen moves forward (never back), first seen stays, context
     * merges (newest value per key, bounded), and a resolved group reopens as regressed.
     */
    public void recordOccurrence(ErrorEvent event, ErrorReportLimits limits) {
        if (!event.fingerprint().equals(fingerprint)) {
            throw new IllegalArgumentException("occurrence belongs to another fingerprint");
        }
        count++;
        boolean newest = !event.receivedAt().isBefore(lastSeen);
        context = newest
                ? ContextMerger.merge(context, event.report().context(), limits.maxMergedContextKeys(),
                        limits.maxContextChars())
                : ContextMerger.merge(event.report().context(), context, limits.maxMergedContextKeys(),
                        limits.maxContextChars());
        if (newest) {
            takeDescriptionFrom(event);
            lastSeen = event.receivedAt();
        }
        if (resolved) {
            resolved = false;
            regressed = true;
            resolvedAt = null;
        }
        if (event.receivedAt().isAfter(updatedAt)) {
            updatedAt = event.receivedAt();
        }
    }

    /** Marks the group resolved; resolving a resolved group changes nothing. Returns whether anything changed. */
    public boolean resolve(Instant at) {
        if (resolved) {
            return false;
        }
        resolved = true;
        regressed = false;
        resolvedAt = at;
        updatedAt = at.isAfter(updatedAt) ? at : updatedAt;
        return true;
    }

    private void takeDescriptionFrom(ErrorEvent event) {
        ErrorReport r = event.report();
        level = r.level();
        message = r.message();
        stackTrace = r.stackTrace();
        source = r.source();
        environment = r.environment();
        url = r.url();
        client = event.client();
    }

    public ErrorGroupId id() {
        return id;
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    public int groupingVersion() {
        return groupingVersion;
    }

    public ErrorLevel level() {
        return level;
    }

    public String message() {
        return message;
    }

    public String stackTrace() {
        return stackTrace;
    }

    public Map<String, Object> context() {
        return context;
    }

    public String source() {
        return source;
    }

    public String environment() {
        return environment;
    }

    public String url() {
        return url;
    }

    public ClientInfo client() {
        return client;
    }

    public boolean resolved() {
        return resolved;
    }

    public boolean regressed() {
        return regressed;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public long count() {
        return count;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * The store's token for the stored state this group was restored from, or null for a group that was opened
     * here or whose store keeps none. Opaque: only the store that issued it knows what it means.
     */
    public String storageVersion() {
        return storageVersion;
    }
}
