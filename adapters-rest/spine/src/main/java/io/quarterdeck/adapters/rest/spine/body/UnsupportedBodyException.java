package io.quarterdeck.adapters.rest.spine.body;

/** A body the server cannot decode at all (an unknown charset): a 415 naming the header that declared it. */
public final class UnsupportedBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public UnsupportedBodyException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
