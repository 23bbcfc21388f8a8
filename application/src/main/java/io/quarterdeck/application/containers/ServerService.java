package io.quarterdeck.application.containers;

import io.quarterdeck.application.port.in.containers.ManageServersUseCase;
import io.quarterdeck.application.port.out.containers.ContainerEngines;
import io.quarterdeck.application.port.out.containers.ServerRepository;
import io.quarterdeck.domain.containers.Server;
import io.quarterdeck.domain.containers.ServerDraft;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Registers, describes and removes servers; a changed or removed endpoint's engine client is closed. */
@ApplicationScoped
public class ServerService implements ManageServersUseCase {
    private final ServerRepository servers;
    private final ContainerEngines engines;
    private final Clock clock;

    @Inject
    public ServerService(ServerRepository servers, ContainerEngines engines, Clock clock) {
        this.servers = servers;
        this.engines = engines;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected ServerService() {
        this(null, null, null);
    }

    @Override
    public List<Server> list(Caller caller) {
        Access.read(caller);
        return servers.all();
    }

    @Override
    public Server get(Caller caller, String id) {
        Access.read(caller);
        return find(id);
    }

    @Override
    public Server register(Caller caller, ServerDraft draft) {
        Access.manageServers(caller);
        Server server = Server.register(UUID.randomUUID().toString(), draft, clock.instant());
        servers.insert(server);
        return server;
    }

    @Override
    public Server update(Caller caller, String id, ServerDraft draft) {
        Access.manageServers(caller);
        Server before = find(id);
        Server after = before.describe(draft, clock.instant());
        if (!servers.update(after)) {
            throw new NotFoundException("server", id);
        }
        if (!before.endpoint().equals(after.endpoint())) {
            engines.release(before.endpoint());
        }
        return after;
    }

    @Override
    public void delete(Caller caller, String id) {
        Access.manageServers(caller);
        Server before = find(id);
        if (!servers.delete(id)) {
            throw new NotFoundException("server", id);
        }
        engines.release(before.endpoint());
    }

    private Server find(String id) {
        return servers.find(id == null ? "" : id).orElseThrow(() -> new NotFoundException("server", id));
    }
}
