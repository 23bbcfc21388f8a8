package io.quarterdeck.application.port.in.containers;

import io.quarterdeck.domain.containers.Server;
import io.quarterdeck.domain.containers.ServerDraft;
import io.quarterdeck.domain.identity.Caller;
import java.util.List;

/** Registered servers: everyone may read them (machines with {@code read}); admins register, change and remove them. */
public interface ManageServersUseCase {
    List<Server> list(Caller caller);

    Server get(Caller caller, String id);

    Server register(Caller caller, ServerDraft draft);

    Server update(Caller caller, String id, ServerDraft draft);

    void delete(Caller caller, String id);
}
