package io.quarterdeck.adapters.docker;

import io.quarterdeck.application.port.out.logs.ContainerLogSource;
import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ContainerState;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local engine's containers as log sources for collection: the running ones, and a follow of one container's
 * stdout and stderr with the engine's timestamps. The stream of each line (stdout or stderr) comes from the
 * engine's multiplexed frames.
 */
@ApplicationScoped
public class DockerContainerLogSource implements ContainerLogSource {
    private final DockerEngines engines;

    @Inject
    public DockerContainerLogSource(DockerEngines engines) {
        this.engines = engines;
    }

    /** For CDI proxies only. */
    protected DockerContainerLogSource() {
        this(null);
    }

    @Override
    public List<RunningContainer> running() {
        try {
            return ((DockerContainerEngine) engines.local()).listOnly().stream()
                    .filter(c -> c.state() == ContainerState.RUNNING)
                    .map(c -> new RunningContainer(c.id(), c.name())).toList();
        } catch (EngineUnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public AutoCloseable follow(String containerId, Instant since, Consumer<ContainerLogLine> sink, Runnable ended) {
        return ((DockerContainerEngine) engines.local()).followFrames(containerId, since, ended, (stream, line) -> {
            int space = line.indexOf(' ');
            Instant at = null;
            String text = line;
            if (space > 0) {
                try {
                    at = Instant.parse(line.substring(0, space));
                    text = line.substring(space + 1);
                } catch (DateTimeParseException e) {
                    at = null;
                }
            }
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (since != null && at != null && !at.isAfter(since)) {
                return;
            }
            sink.accept(new ContainerLogLine(containerId, at == null ? Instant.now() : at, stream, text));
        });
    }

    static boolean isRunning(Container c) {
        return c.state() == ContainerState.RUNNING;
    }
}
