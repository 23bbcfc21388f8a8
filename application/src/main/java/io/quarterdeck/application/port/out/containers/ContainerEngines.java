package io.quarterdeck.application.port.out.containers;

import io.quarterdeck.domain.containers.EngineEndpoint;

/**
 * The engine clients, one per endpoint, created on first use, kept, and closed when Quarterdeck stops (or when the
 * endpoint is {@link #release released} because its server was changed or removed).
 */
public interface ContainerEngines {
    /** The local engine ({@code quarterdeck.docker.url}); reachable as the server {@code local}. */
    ContainerEngine local();

    /** The engine of an endpoint; {@code serverId} names it in errors. */
    ContainerEngine of(String serverId, EngineEndpoint endpoint);

    /** Closes the client of an endpoint no server uses any more. */
    void release(EngineEndpoint endpoint);
}
