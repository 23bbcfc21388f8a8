package io.quarterdeck.adapters.docker;

import io.quarterdeck.application.port.out.containers.ContainerEngine;
import io.quarterdeck.application.port.out.containers.ContainerEngines;
import io.quarterdeck.domain.containers.EngineEndpoint;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One engine client per endpoint, created on first use and closed when Quarterdeck stops or the endpoint is released. */
@ApplicationScoped
public class DockerEngines implements ContainerEngines {
    static final String LOCAL = "local";
    private final DockerSettings settings;
    private final EngineEndpoint localEndpoint;
    private final Map<EngineEndpoint, DockerContainerEngine> clients = new ConcurrentHashMap<>();

    @Inject
    public DockerEngines(DockerSettings settings) {
        this.settings = settings;
        this.localEndpoint = settings == null ? null : EngineEndpoint.of(settings.localUrl());
    }

    /** For CDI proxies only. */
    protected DockerEngines() {
        this(null);
    }

    @Override
    public ContainerEngine local() {
        return of(LOCAL, localEndpoint);
    }

    /** The local engine for injection, where only it is needed (the same client as {@link #local()}). */
    @Produces
    @Dependent
    ContainerEngine localEngine() {
        return local();
    }

    @Override
    public ContainerEngine of(String serverId, EngineEndpoint endpoint) {
        DockerContainerEngine existing = clients.get(endpoint);
        if (existing != null) {
            return existing.as(serverId);
        }
        try {
            return clients.computeIfAbsent(endpoint, e -> new DockerContainerEngine(serverId, e, settings))
                    .as(serverId);
        } catch (RuntimeException e) {
            // unreadable TLS material, for one: the engine cannot be reached until the server's settings are fixed
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new EngineUnavailableException(serverId, "cannot create its client (" + root + ")",
                    settings.retryAfterSeconds());
        }
    }

    @Override
    public void release(EngineEndpoint endpoint) {
        if (endpoint.equals(localEndpoint)) {
            return;
        }
        DockerContainerEngine engine = clients.remove(endpoint);
        if (engine != null) {
            engine.close();
        }
    }

    /** The local engine's endpoint, for the log source and the health probe. */
    EngineEndpoint localEndpoint() {
        return localEndpoint;
    }

    DockerSettings settings() {
        return settings;
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(DockerContainerEngine::close);
        clients.clear();
    }
}
