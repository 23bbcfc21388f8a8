package io.quarterdeck.application.port.out.containers;

import io.quarterdeck.domain.containers.Server;
import java.util.List;
import java.util.Optional;

/** The registered servers. Names are unique regardless of case: a second one is a {@code ConflictException("name")}. */
public interface ServerRepository {
    List<Server> all();

    Optional<Server> find(String id);

    void insert(Server server);

    /** Replaces a stored server; false when it is gone. Conflicts on the name as {@link #insert} does. */
    boolean update(Server server);

    boolean delete(String id);
}
