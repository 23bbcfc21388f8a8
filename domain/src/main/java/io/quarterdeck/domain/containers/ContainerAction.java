package io.quarterdeck.domain.containers;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/**
 * What an operator may do to a container. Acting in a state where the action has nothing to do (start a running
 * container, stop a stopped one) succeeds without change, as the Docker Engine answers it (304, not an error).
 */
public enum ContainerAction {
    START("started"), STOP("stopped"), RESTART("restarted");

    private final String pastTense;

    ContainerAction(String pastTense) {
        this.pastTense = pastTense;
    }

    public static ContainerAction parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required: start, stop or restart");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be start, stop or restart");
        }
    }

    /** True when the action would change nothing in this state (the engine answers "not modified"). */
    public boolean isNoOpIn(ContainerState state) {
        return switch (this) {
            case START -> state == ContainerState.RUNNING;
            case STOP -> !state.isRunning();
            case RESTART -> false;
        };
    }

    /** The seed's message: {@code Container restarted successfully}. */
    public String successMessage() {
        return "Container " + pastTense + " successfully";
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
