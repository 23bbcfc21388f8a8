package io.quarterdeck.domain.shared;

/** The request contradicts what is stored (a name already taken, an invitation already accepted). */
public class ConflictException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
