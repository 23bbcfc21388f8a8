package io.quarterdeck.domain.containers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A registered server: a machine with a Docker Engine that Quarterdeck manages. Created with {@link #register},
 * rebuilt from storage with {@link #restore}; changed only through its intent methods.
 */
public final class Server {
    private final String id;
    private final ServerDraft draft;
    private final ServerStatus status;
    private final Instant lastContactAt;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Server(String id, ServerDraft draft, ServerStatus status, Instant lastContactAt, Instant createdAt,
                   Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.draft = Objects.requireNonNull(draft, "draft");
        this.status = Objects.requireNonNull(status, "status");
        this.lastContactAt = lastContactAt;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Server register(String id, ServerDraft draft, Instant now) {
        return new Server(id, draft, ServerStatus.UNKNOWN, null, now, now);
    }

    public static Server restore(String id, ServerDraft draft, ServerStatus status, Instant lastContactAt,
                                 Instant createdAt, Instant updatedAt) {
        return new Server(id, draft, status, lastContactAt, createdAt, updatedAt);
    }

    /** The description replaced; the status is unknown again when the endpoint changed. */
    public Server describe(ServerDraft replacement, Instant now) {
        boolean sameEngine = replacement.endpoint().equals(draft.endpoint());
        return new Server(id, replacement, sameEngine ? status : ServerStatus.UNKNOWN,
                sameEngine ? lastContactAt : null, createdAt, now);
    }

    /** The outcome of a contact with the engine. */
    public Server contacted(boolean answered, Instant at) {
        return new Server(id, draft, answered ? ServerStatus.ONLINE : ServerStatus.OFFLINE, at, createdAt, updatedAt);
    }

    public String id() {
        return id;
    }

    public String name() {
        return draft.name();
    }

    public String host() {
        return draft.host();
    }

    public EngineEndpoint endpoint() {
        return draft.endpoint();
    }

    public String description() {
        return draft.description();
    }

    public List<String> tags() {
        return draft.tags();
    }

    public ServerDraft draft() {
        return draft;
    }

    public ServerStatus status() {
        return status;
    }

    public Instant lastContactAt() {
        return lastContactAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
