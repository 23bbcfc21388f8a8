package io.quarterdeck.domain.containers;

import java.util.Locale;

/** A container's state as the Docker Engine reports it ({@code State.Status}). */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD, UNKNOWN;

    /** The engine's word for the state; anything unknown is {@link #UNKNOWN}, never an error. */
    public static ContainerState fromEngine(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public boolean isRunning() {
        return this == RUNNING || this == RESTARTING || this == PAUSED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
