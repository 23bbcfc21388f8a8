package io.quarterdeck.domain.shared;

/** The addressed thing does not exist (or is not visible to the caller). */
public class NotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;
    private final boolean custom;

    public NotFoundException(String kind, String id) {
        this(kind, id, null);
    }

    /** With a message of its own, when "kind not found" would mislead (the thing exists, what was asked of it not). */
    public NotFoundException(String kind, String id, String message) {
        super(message == null ? kind + " not found" : message);
        this.kind = kind;
        this.id = id;
        this.custom = message != null;
    }

    /** Whether {@link #getMessage()} is a message of its own rather than "kind not found". */
    public boolean hasOwnMessage() {
        return custom;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
