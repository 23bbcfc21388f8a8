package io.quarterdeck.application.port.in.containers;

import io.quarterdeck.application.port.out.containers.ContainerEngine.TerminalOutput;
import io.quarterdeck.domain.identity.Caller;

/**
 * Interactive shells in containers, for admins and owners only. Each person holds at most
 * {@link ContainerSettings#terminalSessionsPerUser()} at once; opening, each command line typed and closing are in
 * the audit log.
 */
public interface TerminalUseCase {
    /**
     * Starts the shell in a running container with a TTY of {@code cols} x {@code rows}. {@code exited} runs once
     * when the shell ends. Throws {@code NotFoundException} (no such container or server), {@code ConflictException}
     * (the container is not running, or the caller already holds the maximum of sessions), {@code
     * NotPermittedException}, {@code EngineUnavailableException}.
     */
    Terminal open(Caller caller, String clientAddress, String serverId, String containerId, int cols, int rows,
                  TerminalOutput output, Runnable exited);

    ContainerSettings settings();

    /** An open shell; closing it twice is harmless. */
    interface Terminal extends AutoCloseable {
        /** Keys typed: sent to the shell; each completed line (at Enter) is audited. */
        void input(byte[] data, int offset, int length);

        void resize(int cols, int rows);

        /** When input last arrived (or the session opened), in the epoch milliseconds of the core's clock. */
        long lastInputMillis();

        @Override
        void close();
    }
}
