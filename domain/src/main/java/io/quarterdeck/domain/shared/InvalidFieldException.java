package io.quarterdeck.domain.shared;

/** A field of a request does not satisfy the domain's rules; {@link #field()} names it for the client. */
public class InvalidFieldException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidFieldException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
