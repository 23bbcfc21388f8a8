package io.quarterdeck.application.port.out.logs;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The log streams of the local container engine's containers, as log collection needs them (seed 000's Promtail
 * labels each line with the container's name as {@code service}). Implemented by the Docker adapter.
 */
public interface ContainerLogSource {
    /** The containers running now. Throws {@link IllegalStateException} when the engine does not answer. */
    List<RunningContainer> running();

    /**
     * Follows one container's stdout and stderr from {@code since} (exclusive when not null), calling {@code sink}
     * for each line in order, until the container stops or the returned handle is closed. Returns at once; lines
     * arrive on a thread of the adapter's. {@code ended} runs once when the stream ends for any reason: the container
     * stopped or restarted (a restart ends the follow; the container keeps its id), the engine went away, or the
     * handle was closed.
     */
    AutoCloseable follow(String containerId, Instant since, Consumer<ContainerLogLine> sink, Runnable ended);

    record RunningContainer(String id, String name) {
    }

    /** One line without its trailing newline; {@code stream} is {@code stdout} or {@code stderr}. */
    record ContainerLogLine(String containerId, Instant timestamp, String stream, String text) {
    }
}
