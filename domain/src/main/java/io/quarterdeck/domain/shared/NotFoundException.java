package io.quarterdeck.domain.shared;

/** The addressed thing does not exist (or is not visible to the caller). */
public class NotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super(kind + " not found");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
