package io.quarterdeck.application.port.out.apps;

/** Two registrations of the same new app raced; the loser retries as an update. */
public class AppAlreadyExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AppAlreadyExistsException(String app, Throwable cause) {
        super("app " + app + " already exists", cause);
    }
}
