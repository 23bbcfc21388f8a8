package io.quarterdeck.application.port.out.apps;

/** The command bus did not take or did not confirm the commands; they stay in the outbox and are sent later. */
public class CommandBusUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandBusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
