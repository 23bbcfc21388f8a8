package io.quarterdeck.application.port.out.notifications;

/** A channel refused or could not be reached; the message says why, for the history. */
public class NotificationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotificationFailedException(String reason) {
        super(reason);
    }

    public NotificationFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
