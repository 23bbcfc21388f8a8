package io.quarterdeck.application.port.in.containers;

import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ContainerAction;
import io.quarterdeck.domain.identity.Caller;
import java.util.List;
import java.util.function.Consumer;

/**
 * Containers of one engine: {@code serverId} is a registered server's id, or {@code local} for the local engine.
 * Viewers and developers list and read logs ({@code read} scope for machines); operators act ({@code operate}).
 */
public interface ContainersUseCase {
    String LOCAL = "local";

    List<Container> list(Caller caller, String serverId);

    /** Runs the action and returns the seed's message ({@code Container restarted successfully}). */
    String act(Caller caller, String serverId, String containerId, ContainerAction action);

    String logs(Caller caller, String serverId, String containerId, int lines);

    /** Follows the container's output from the last {@code lines} lines; see {@code ContainerEngine.followLogs}. */
    AutoCloseable follow(Caller caller, String serverId, String containerId, int lines, Consumer<String> sink,
                         Runnable end);
}
