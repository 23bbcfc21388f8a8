package io.quarterdeck.application.testing;

import io.quarterdeck.application.port.out.containers.ServerRepository;
import io.quarterdeck.domain.containers.Server;
import io.quarterdeck.domain.shared.ConflictException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Servers in a map, keeping the repository contract (names unique regardless of case). */
public final class InMemoryServerRepository implements ServerRepository {
    private final Map<String, Server> servers = new ConcurrentHashMap<>();

    @Override
    public List<Server> all() {
        return servers.values().stream().sorted(Comparator.comparing(s -> s.name().toLowerCase(Locale.ROOT))).toList();
    }

    @Override
    public Optional<Server> find(String id) {
        return Optional.ofNullable(servers.get(id));
    }

    @Override
    public synchronized void insert(Server server) {
        checkName(server);
        servers.put(server.id(), server);
    }

    @Override
    public synchronized boolean update(Server server) {
        if (!servers.containsKey(server.id())) {
            return false;
        }
        checkName(server);
        servers.put(server.id(), server);
        return true;
    }

    @Override
    public boolean delete(String id) {
        return servers.remove(id) != null;
    }

    public void clear() {
        servers.clear();
    }

    private void checkName(Server server) {
        for (Server s : servers.values()) {
            if (!s.id().equals(server.id()) && s.name().equalsIgnoreCase(server.name())) {
                throw new ConflictException("name", "A server named " + server.name() + " is already registered");
            }
        }
    }
}
