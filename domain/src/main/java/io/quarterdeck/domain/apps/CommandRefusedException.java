package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.ConflictException;

/** The app's state does not accept the command (START while RUNNING, RESET without a fatal flag, ...). */
public class CommandRefusedException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final String app;
    private final CommandType command;
    private final String reason;

    public CommandRefusedException(String app, CommandType command, String reason) {
        super("command", command + " refused for app " + app + ": " + reason);
        this.app = app;
        this.command = command;
        this.reason = reason;
    }

    public String app() {
        return app;
    }

    public CommandType command() {
        return command;
    }

    public String reason() {
        return reason;
    }
}
