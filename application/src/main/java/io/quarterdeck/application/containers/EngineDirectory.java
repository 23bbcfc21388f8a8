package io.quarterdeck.application.containers;

import io.quarterdeck.application.port.in.containers.ContainersUseCase;
import io.quarterdeck.application.port.out.containers.ContainerEngine;
import io.quarterdeck.application.port.out.containers.ContainerEngines;
import io.quarterdeck.application.port.out.containers.ServerRepository;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import io.quarterdeck.domain.containers.Server;
import io.quarterdeck.domain.shared.NotFoundException;
import java.time.Clock;
import java.util.function.Function;

/**
 * Finds the engine of a server id ({@code local} or a registered server) and runs a call on it; for a registered
 * server, records whether its engine answered (status {@code online}/{@code offline}) when that changed.
 */
final class EngineDirectory {
    private final ContainerEngines engines;
    private final ServerRepository servers;
    private final Clock clock;

    EngineDirectory(ContainerEngines engines, ServerRepository servers, Clock clock) {
        this.engines = engines;
        this.servers = servers;
        this.clock = clock;
    }

    <T> T call(String serverId, Function<ContainerEngine, T> work) {
        if (ContainersUseCase.LOCAL.equals(serverId)) {
            return work.apply(engines.local());
        }
        Server server = servers.find(serverId == null ? "" : serverId)
                .orElseThrow(() -> new NotFoundException("server", serverId));
        ContainerEngine engine = engines.of(server.id(), server.endpoint());
        try {
            T result = work.apply(engine);
            note(server, true);
            return result;
        } catch (EngineUnavailableException e) {
            note(server, false);
            throw e;
        } catch (NotFoundException e) {
            note(server, true);
            throw e;
        }
    }

    private void note(Server server, boolean answered) {
        boolean changed = answered != (server.status() == io.quarterdeck.domain.containers.ServerStatus.ONLINE)
                || server.lastContactAt() == null;
        if (changed) {
            try {
                servers.update(server.contacted(answered, clock.instant()));
            } catch (RuntimeException e) {
                // The status is a hint for the list; the call's own outcome matters more than recording it.
            }
        }
    }
}
