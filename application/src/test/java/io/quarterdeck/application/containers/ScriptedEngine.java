package io.quarterdeck.application.containers;

import io.quarterdeck.application.port.out.containers.ContainerEngine;
import io.quarterdeck.application.port.out.containers.ContainerEngines;
import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ContainerAction;
import io.quarterdeck.domain.containers.ContainerState;
import io.quarterdeck.domain.containers.EngineEndpoint;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import io.quarterdeck.domain.containers.ResourceUsage;
import io.quarterdeck.domain.shared.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An engine for the services' unit tests (the Docker adapter's own tests use the real engine): containers held in a
 * map, actions change their state, a terminal records its input; {@link #down} makes it unavailable.
 */
final class ScriptedEngine implements ContainerEngine, ContainerEngines {
    final Map<String, ContainerState> containers = new ConcurrentHashMap<>();
    final List<String> released = new ArrayList<>();
    final ByteArrayOutputStream typed = new ByteArrayOutputStream();
    volatile boolean down;
    int openTerminals;

    @Override
    public ContainerEngine local() {
        return this;
    }

    @Override
    public ContainerEngine of(String serverId, EngineEndpoint endpoint) {
        return this;
    }

    @Override
    public void release(EngineEndpoint endpoint) {
        released.add(endpoint.url());
    }

    private ContainerState state(String reference) {
        if (down) {
            throw new EngineUnavailableException("srv", "refused", 5);
        }
        ContainerState s = containers.get(reference);
        if (s == null) {
            throw new NotFoundException("container", reference);
        }
        return s;
    }

    @Override
    public List<Container> containers() {
        if (down) {
            throw new EngineUnavailableException("srv", "refused", 5);
        }
        return containers.entrySet().stream().map(e -> new Container(e.getKey(), e.getKey(), "img", e.getValue(),
                Instant.EPOCH, List.of(), ResourceUsage.NONE)).toList();
    }

    @Override
    public Container inspect(String reference) {
        return new Container(reference, reference, "img", state(reference), Instant.EPOCH, List.of(), null);
    }

    @Override
    public void act(String reference, ContainerAction action) {
        state(reference);
        containers.put(reference, action == ContainerAction.STOP ? ContainerState.EXITED : ContainerState.RUNNING);
    }

    @Override
    public String logs(String reference, int lines) {
        state(reference);
        return "2026-12-02T10:00:00Z hello\n";
    }

    @Override
    public AutoCloseable followLogs(String reference, int lines, Consumer<String> sink, Runnable end) {
        state(reference);
        return () -> end.run();
    }

    @Override
    public TerminalProcess exec(String reference, List<String> command, int cols, int rows, TerminalOutput output,
                                Runnable exited) {
        state(reference);
        openTerminals++;
        return new TerminalProcess() {
            boolean open = true;

            @Override
            public void input(byte[] data, int offset, int length) {
                synchronized (typed) {
                    typed.write(data, offset, length);
                }
            }

            @Override
            public void resize(int c, int r) {
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                if (open) {
                    open = false;
                    openTerminals--;
                }
            }
        };
    }

    @Override
    public long ping() {
        return 1;
    }
}
