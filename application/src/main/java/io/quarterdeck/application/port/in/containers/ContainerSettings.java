package io.quarterdeck.application.port.in.containers;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Container management's settings: how long a terminal may sit without input before it is closed, how many
 * terminals one person may hold open at once, and the command a terminal runs.
 */
public record ContainerSettings(Duration terminalIdleTimeout, int terminalSessionsPerUser, List<String> terminalShell) {
    public ContainerSettings {
        Objects.requireNonNull(terminalIdleTimeout, "terminalIdleTimeout");
        if (terminalIdleTimeout.isNegative() || terminalIdleTimeout.isZero()) {
            throw new IllegalArgumentException("the terminal idle timeout must be positive");
        }
        if (terminalSessionsPerUser < 1) {
            throw new IllegalArgumentException("at least one terminal session per user");
        }
        terminalShell = List.copyOf(terminalShell);
        if (terminalShell.isEmpty()) {
            throw new IllegalArgumentException("the terminal shell is a command");
        }
    }

    /** Seed 000's container security list: 30 minutes of inactivity; three sessions per person; {@code /bin/sh}. */
    public static ContainerSettings defaults() {
        return new ContainerSettings(Duration.ofMinutes(30), 3, List.of("/bin/sh"));
    }
}
