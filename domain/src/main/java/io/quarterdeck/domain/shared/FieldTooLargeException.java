package io.quarterdeck.domain.shared;

/** A field is larger than its documented bound; surfaces answer 413. */
public class FieldTooLargeException extends InvalidFieldException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    public FieldTooLargeException(String field, long limit) {
        super(field, "larger than the limit of " + limit);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
