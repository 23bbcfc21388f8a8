package io.quarterdeck.application.containers;

import io.quarterdeck.application.port.in.containers.ContainersUseCase;
import io.quarterdeck.application.port.out.containers.ContainerEngines;
import io.quarterdeck.application.port.out.containers.ServerRepository;
import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ContainerAction;
import io.quarterdeck.domain.containers.ContainerReference;
import io.quarterdeck.domain.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Containers of the local engine and of registered servers; the role table is checked here. */
@ApplicationScoped
public class ContainerService implements ContainersUseCase {
    private final EngineDirectory directory;

    @Inject
    public ContainerService(ContainerEngines engines, ServerRepository servers, Clock clock) {
        this.directory = engines == null ? null : new EngineDirectory(engines, servers, clock);
    }

    /** For CDI proxies only. */
    protected ContainerService() {
        this(null, null, null);
    }

    @Override
    public List<Container> list(Caller caller, String serverId) {
        Access.read(caller);
        return directory.call(serverId, engine -> engine.containers());
    }

    @Override
    public String act(Caller caller, String serverId, String containerId, ContainerAction action) {
        Access.operate(caller);
        String ref = ContainerReference.of(containerId);
        return directory.call(serverId, engine -> {
            engine.act(ref, action);
            return action.successMessage();
        });
    }

    @Override
    public String logs(Caller caller, String serverId, String containerId, int lines) {
        Access.read(caller);
        String ref = ContainerReference.of(containerId);
        int n = ContainerReference.lines(lines);
        return directory.call(serverId, engine -> engine.logs(ref, n));
    }

    @Override
    public AutoCloseable follow(Caller caller, String serverId, String containerId, int lines, Consumer<String> sink,
                                Runnable end) {
        Access.read(caller);
        String ref = ContainerReference.of(containerId);
        int n = ContainerReference.lines(lines);
        return directory.call(serverId, engine -> {
            engine.inspect(ref); // an unknown container is a 404 before anything is streamed
            return engine.followLogs(ref, n, sink, end);
        });
    }
}
