package io.quarterdeck.application.port.out.errors;

/** Another transaction created a group for the same fingerprint first: roll back and retry. */
public class GroupAlreadyExistsException extends ConcurrentGroupChangeException {
    private static final long serialVersionUID = 1L;

    public GroupAlreadyExistsException(Throwable cause) {
        super("an error group with the same fingerprint was created concurrently", cause);
    }
}
