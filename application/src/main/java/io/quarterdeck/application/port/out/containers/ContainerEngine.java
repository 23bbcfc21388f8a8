package io.quarterdeck.application.port.out.containers;

import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ContainerAction;
import java.util.List;
import java.util.function.Consumer;

/**
 * One Docker Engine endpoint. Every method is one or a few real calls to the engine; nothing is cached. A container
 * that the engine does not know is a {@code NotFoundException("container", reference)}; an engine that does not
 * answer (or not in time) is an {@code EngineUnavailableException}.
 */
public interface ContainerEngine {
    /**
     * Every container, stopped ones too. Running containers carry their resource usage from one stats sample
     * each, fetched concurrently; one whose stats do not arrive within the engine's stats timeout carries none.
     */
    List<Container> containers();

    /** One container, without resource usage. */
    Container inspect(String reference);

    /** Starts, stops or restarts a container; an action with nothing to do succeeds (the engine's 304). */
    void act(String reference, ContainerAction action);

    /** The last {@code lines} lines of stdout and stderr, each prefixed with its RFC 3339 timestamp. */
    String logs(String reference, int lines);

    /**
     * Follows stdout and stderr from the last {@code lines} lines on, calling {@code sink} with each line (timestamp
     * first, newline included) on a thread of the adapter's, and {@code end} once when the stream ends (the
     * container stopped or the engine went away) or the handle is closed.
     */
    AutoCloseable followLogs(String reference, int lines, Consumer<String> sink, Runnable end);

    /**
     * Starts {@code command} in the running container with a TTY of {@code cols} x {@code rows}; output goes to
     * {@code output} (on a thread of the adapter's, buffers reused: copy what you keep) and {@code exited} runs once
     * when the process ends or the connection drops.
     */
    TerminalProcess exec(String reference, List<String> command, int cols, int rows, TerminalOutput output,
                         Runnable exited);

    /** One round trip to the engine's {@code /_ping}; its latency in milliseconds. */
    long ping();

    /** Receives a TTY's output bytes; {@code data[offset, offset+length)} is valid only during the call. */
    @FunctionalInterface
    interface TerminalOutput {
        void write(byte[] data, int offset, int length);
    }

    /** A process with a TTY in a container. */
    interface TerminalProcess extends AutoCloseable {
        /** Sends bytes to the process's stdin. */
        void input(byte[] data, int offset, int length);

        void resize(int cols, int rows);

        boolean isOpen();

        /** Ends the connection to the process (the shell gets a hang-up). */
        @Override
        void close();
    }
}
